import { useMemo, useState } from 'react';
import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import type { IsoDate } from '../../shared/time/practice-time';
import type { ViewContext } from './appointment-view';
import type { DoctorMark } from './doctor-marks';
import { AppointmentEvents, backgroundEvents, EventMemo, type CalendarEvent } from './event-inputs';
import type { CalendarPrefs } from './useCalendarPrefs';

export interface CalendarEventsInput {
  practice: Practice;
  appointments: readonly AppointmentItem[];
  patients: Record<string, PatientBrief>;
  prefs: CalendarPrefs;
  officeId: number;
  range: { start: IsoDate; end: IsoDate };
  showCancelled: boolean;
  doctors: ReadonlyMap<number, DoctorMark>;
  hour12: boolean;
}

/**
 * The events FullCalendar gets: the appointments the filters let through (never deleted ones;
 * cancelled ones on request), plus the templates behind them. Stable objects for what did not
 * change, so a status change or a drop rebuilds one event.
 */
export function useCalendarEvents(input: CalendarEventsInput): CalendarEvent[] {
  const { practice, appointments, patients, prefs, officeId, range, showCancelled } = input;
  const { doctors, hour12 } = input;
  const [memo] = useState(() => new EventMemo());
  const [builder] = useState(() => new AppointmentEvents());
  const withRooms = prefs.view === 'rooms';
  const { doctorId, view } = prefs;
  const profiles = useMemo(
    () => new Map(practice.profiles.map((p) => [p.id, p])),
    [practice.profiles],
  );
  const offices = useMemo(
    () => new Map(practice.offices.map((o) => [o.id, o])),
    [practice.offices],
  );

  const visible = useMemo(
    () =>
      appointments.filter(
        (a) =>
          a.deleted_flag !== true &&
          (showCancelled || a.status !== 'Cancelled') &&
          (!withRooms || a.office === officeId) &&
          (doctorId === null || a.doctor === doctorId),
      ),
    [appointments, showCancelled, withRooms, officeId, doctorId],
  );

  return useMemo(() => {
    const ctx: ViewContext = { patients, profiles, offices, doctors, hour12 };
    const list = builder.build(visible, ctx, withRooms);
    if (withRooms || view === 'week') {
      list.push(
        ...backgroundEvents({
          templates: practice.templates,
          profiles,
          range,
          officeId,
          doctorId,
          appointments: visible,
          withRooms,
        }),
      );
    }
    return memo.reuse(list);
  }, [
    visible,
    patients,
    profiles,
    offices,
    doctors,
    hour12,
    withRooms,
    view,
    doctorId,
    practice.templates,
    range,
    officeId,
    memo,
    builder,
  ]);
}
