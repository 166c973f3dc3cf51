import { render } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { vi } from 'vitest';
import type { AppointmentItem } from '../../../shared/contract';
import { FrontdeskProvider } from '../../bridge';
import { UiProviders } from '../../ui';
import { BookingDialog, type BookingRequest } from '../BookingDialog';
import type { BookingFormInput } from '../booking-form';
import { useAppointmentActions } from '../useAppointmentActions';
import { useOverlay } from '../useOverlay';
import { testPractice, type calendarFake } from './calendar-fixtures';

export type CalendarFake = ReturnType<typeof calendarFake>['fake'];

/** A new visit at 10:00 on the test practice's today, Room 2 of Main Street with Dr. Okafor. */
export const bookingInitial: BookingFormInput = {
  doctor: 7,
  office: 1,
  exam_room: 2,
  patient: null,
  is_break: false,
  scheduled_time: '2026-11-23T10:00',
  duration: 30,
  status: '',
  reason: '',
  notes: '',
  color: '',
  profile: null,
  is_walk_in: false,
};

/** Renders `ui` inside the providers the desk gives every screen, talking to `fake`. */
export function renderDesk(fake: CalendarFake, ui: ReactElement) {
  return render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>{ui}</UiProviders>
    </FrontdeskProvider>,
  );
}

/** The booking dialog wired to the real appointment actions, over `held` appointments (none). */
export function BookingHarness({
  request,
  onClose,
  held = [],
}: {
  request: BookingRequest;
  onClose: () => void;
  held?: AppointmentItem[] | undefined;
}) {
  const [start] = useState(() => held);
  const [appointments, overlay] = useOverlay(start);
  const actions = useAppointmentActions(overlay, () => ({
    practice: testPractice,
    appointments,
    patients: {},
  }));
  return (
    <BookingDialog request={request} practice={testPractice} actions={actions} onClose={onClose} />
  );
}

/** Opens the booking dialog for `request` against `fake`; returns its onClose spy. */
export function mountBooking(
  fake: CalendarFake,
  request: BookingRequest = { mode: 'new', initial: bookingInitial, patient: null },
  { onClose = vi.fn(), held }: { onClose?: () => void; held?: AppointmentItem[] | undefined } = {},
) {
  renderDesk(fake, <BookingHarness request={request} onClose={onClose} held={held} />);
  return onClose;
}
