import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AppointmentItem } from '../../shared/contract';
import { err, ok } from '../../shared/result';
import { FrontdeskProvider } from '../bridge';
import { UiProviders } from '../ui';
import {
  calendarFake,
  testAppointment,
  testPatients,
  testPractice,
  testPrefs,
} from './testing/calendar-fixtures';
import { useAppointmentActions } from './useAppointmentActions';
import { useOverlay } from './useOverlay';

function setup(book: AppointmentItem[], more: Parameters<typeof calendarFake>[1] = {}) {
  const { fake } = calendarFake(book, more);
  const patients = Object.fromEntries(testPatients.map((p) => [String(p.id), p]));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FrontdeskProvider api={fake.api}>
      <UiProviders>{children}</UiProviders>
    </FrontdeskProvider>
  );
  const hook = renderHook(
    () => {
      const [appointments, overlay] = useOverlay(book);
      const actions = useAppointmentActions(overlay, () => ({
        practice: testPractice,
        appointments,
        patients,
      }));
      return { appointments, actions };
    },
    { wrapper },
  );
  return { fake, hook };
}

const updates = (fake: ReturnType<typeof calendarFake>['fake']) =>
  fake.calls.filter((c) => c.channel === 'appointments:update');

describe('moving an appointment', () => {
  const moving = testAppointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T09:00:00' });
  const other = testAppointment({
    id: '2',
    patient: 43,
    exam_room: 2,
    scheduled_time: '2026-11-23T10:00:00',
    duration: 30,
  });

  it('puts a drop on a taken slot back at once, names the clash, and spends no call', () => {
    const { fake, hook } = setup([moving, other]);
    const revert = vi.fn();
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { scheduled_time: '2026-11-23T10:15:00', exam_room: 2 },
        base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
        revert,
      });
    });
    expect(revert).toHaveBeenCalledTimes(1);
    expect(updates(fake)).toHaveLength(0);
    const clash = hook.result.current.actions.clash;
    // The practice is in the US and the desk kept its convention: a 12-hour clock.
    expect(clash?.message).toContain('10:00 AM Dale Whitaker, Room 2');
    expect(clash?.nearestFree.map((s) => s.start)).toContain('2026-11-23T10:30:00');
  });

  it('writes times the desk’s way: a 24-hour desk reads 10:00 in the clash and 10:30 in the toast', async () => {
    const { hook } = setup([moving, other], {
      'prefs:get': () => ok({ ...testPrefs, calendar: { ...testPrefs.calendar, clock: '24h' } }),
    });
    // The preference arrives from main (memory, no drchrono call).
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { scheduled_time: '2026-11-23T10:15:00', exam_room: 2 },
        base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
        revert: vi.fn(),
      });
    });
    expect(hook.result.current.actions.clash?.message).toContain(
      'clashes with 10:00 Dale Whitaker',
    );
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { scheduled_time: '2026-11-23T13:30:00' },
        base: { scheduled_time: '2026-11-23T09:00:00' },
        revert: vi.fn(),
      });
    });
    expect(await screen.findByText(/to 13:30\./)).toBeTruthy();
  });

  it('sends exactly one update with only the changed fields, shown at once', async () => {
    const { fake, hook } = setup([moving, other]);
    const revert = vi.fn();
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { scheduled_time: '2026-11-23T11:00:00', exam_room: 2 },
        base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
        revert,
      });
    });
    expect(hook.result.current.appointments.find((a) => a.id === '1')?.exam_room).toBe(2);
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(1);
    });
    expect(updates(fake)[0]?.request).toEqual({
      id: '1',
      changes: { scheduled_time: '2026-11-23T11:00:00', exam_room: 2 },
      base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
    });
    expect(revert).not.toHaveBeenCalled();
  });

  it('reverts on a server conflict and shows the clash drchrono reported', async () => {
    const { fake, hook } = setup([moving], {
      'appointments:update': () =>
        err('conflict', 'That time is taken in Room 2: it clashes with 11:00 Break, Room 2.', {
          status: 409,
          conflict: { appointmentId: '99', label: '11:00 Break, Room 2', nearestFree: [] },
        }),
    });
    const revert = vi.fn();
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { scheduled_time: '2026-11-23T11:00:00', exam_room: 2 },
        base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
        revert,
      });
    });
    await waitFor(() => {
      expect(revert).toHaveBeenCalledTimes(1);
    });
    expect(updates(fake)).toHaveLength(1);
    expect(hook.result.current.actions.clash?.message).toContain('11:00 Break, Room 2');
    // Back where it was on screen too.
    expect(hook.result.current.appointments.find((a) => a.id === '1')?.exam_room).toBe(1);
  });

  it('undoes a move as a new update with the old values', async () => {
    const { fake, hook } = setup([moving]);
    act(() => {
      hook.result.current.actions.move({
        id: '1',
        changes: { duration: 45 },
        base: { duration: 30 },
        revert: vi.fn(),
      });
    });
    await waitFor(() => {
      expect(hook.result.current.actions.canUndo).toBe(true);
    });
    act(() => {
      hook.result.current.actions.undo();
    });
    await waitFor(() => {
      expect(updates(fake)).toHaveLength(2);
    });
    expect(updates(fake)[1]?.request).toEqual({
      id: '1',
      changes: { duration: 30 },
      base: { duration: 45 },
    });
    expect(hook.result.current.actions.canUndo).toBe(false);
  });
});
