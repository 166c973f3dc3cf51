import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentItem, Practice, ReplyOf } from '../../shared/contract';
import type { AppointmentChanges, AppointmentWritable } from '../../shared/drchrono';
import type { AppError, Slot } from '../../shared/result';
import {
  clashLabel,
  findClashes,
  formatClock,
  nearestFreeSlots,
  patientName,
  roomName,
} from '../../shared/schedule';
import { instantToWall, wallDate } from '../../shared/time/practice-time';
import { useFrontdesk } from '../bridge';
import { errorToast, useToast } from '../ui';
import { acceptedBase } from './accepted-base';
import { appointmentName } from './appointment-view';
import type { MoveRequest } from './BookCalendar';
import type { OverlayControls } from './useOverlay';
import { useDeskLocale } from './useDeskLocale';
import { visitWhen } from './visit-words';

/** A refused move or booking, named, with where there is room instead. */
export interface ClashNotice {
  appointmentId: string | null;
  message: string;
  nearestFree: Slot[];
}

interface UndoStep {
  id: string;
  /** What the edit set… */
  changes: AppointmentChanges;
  /** …and what was there before: undo sends these back. */
  base: AppointmentChanges;
  what: string;
}

export interface ActionContext {
  practice: Practice;
  appointments: readonly AppointmentItem[];
  patients: Record<string, { first_name?: string | null; last_name?: string | null }>;
}

export interface AppointmentActions {
  /** Resolves null when main has it (saved or queued), else the reason it was refused. */
  update: (
    appointment: AppointmentItem,
    changes: AppointmentChanges,
    options?: {
      revert?: () => void;
      what?: string;
      undoable?: boolean;
      /** false: the caller shows the refusal itself (a dialog keeping what was typed). */
      report?: boolean;
    },
  ) => Promise<AppError | null>;
  setStatus: (appointment: AppointmentItem, status: string) => Promise<AppError | null>;
  move: (move: MoveRequest) => void;
  /** `who`: the patient's name when the caller knows it (a walk-in is not in the day's list yet). */
  create: (draft: AppointmentWritable, who?: string) => Promise<ReplyOf<'appointments:create'>>;
  remove: (appointment: AppointmentItem) => Promise<boolean>;
  undo: () => void;
  canUndo: boolean;
  clash: ClashNotice | null;
  clearClash: () => void;
}

function pick(appointment: AppointmentItem, keys: readonly string[]): AppointmentChanges {
  const out: Record<string, unknown> = {};
  const source = appointment as Record<string, unknown>;
  for (const key of keys) out[key] = source[key] ?? (key === 'status' ? '' : null);
  return acceptedBase(out);
}

/** Runs after the next frame is painted (a drop shows first, then its call goes out). */
function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(run, 0);
    return;
  }
  requestAnimationFrame(() => {
    setTimeout(run, 0);
  });
}

/** "to Exam 2, 10:15 AM", "to 45 minutes", "Arrived" (times the desk's 12/24-hour way). */
export function describeChange(
  changes: AppointmentChanges,
  practice: Practice,
  appointment: AppointmentItem,
  hour12: boolean,
): string {
  const parts: string[] = [];
  if (changes.exam_room !== undefined) {
    const office = practice.offices.find((o) => o.id === appointment.office);
    parts.push(roomName(office, changes.exam_room));
  }
  if (changes.scheduled_time !== undefined) {
    const sameDay = wallDate(changes.scheduled_time) === wallDate(appointment.scheduled_time);
    const time = formatClock(changes.scheduled_time, hour12);
    parts.push(sameDay ? time : `${changes.scheduled_time.slice(0, 10)} ${time}`);
  }
  if (changes.duration !== undefined) parts.push(`${changes.duration} minutes`);
  return parts.join(', ');
}

/**
 * Every change the calendar makes to an appointment: shown at once (overlay), exactly one call to
 * main, put back with the reason when refused, and undoable (Ctrl+Z sends the old values back as
 * a new update).
 */
export function useAppointmentActions(
  overlay: OverlayControls,
  context: () => ActionContext | null,
): AppointmentActions {
  const api = useFrontdesk();
  const toast = useToast();
  const undoStack = useRef<UndoStep[]>([]);
  const [canUndo, setCanUndo] = useState(false);
  const [clash, setClash] = useState<ClashNotice | null>(null);
  const latestContext = useRef(context);
  const undoRef = useRef<() => void>(() => undefined);
  // Toasts and notices write times as the desk reads them; read at the moment they are written.
  const { hour12 } = useDeskLocale();
  const clock = useRef(hour12);
  useLayoutEffect(() => {
    latestContext.current = context;
    clock.current = hour12;
  });

  const explain = useCallback(
    (error: AppError, appointmentId: string | null): void => {
      if (error.code === 'conflict' && error.conflict) {
        setClash({
          appointmentId,
          message: error.message,
          nearestFree: error.conflict.nearestFree,
        });
        return;
      }
      toast(errorToast(error));
    },
    [toast],
  );

  const update = useCallback<AppointmentActions['update']>(
    async (appointment, changes, options = {}) => {
      const ctx = latestContext.current();
      const keys = Object.keys(changes);
      if (!ctx || keys.length === 0) {
        options.revert?.();
        return null;
      }
      const base = pick(appointment, keys);
      const name = appointmentName(appointment, ctx.patients as never);
      const what =
        options.what ??
        `Moved ${name} to ${describeChange(changes, ctx.practice, appointment, clock.current)}`;
      setClash(null);
      overlay.patch(appointment.id, changes);
      const reply = await api.appointments.update({ id: appointment.id, changes, base });
      if (!reply.ok) {
        overlay.drop(appointment.id);
        options.revert?.();
        if (options.report !== false) explain(reply.error, appointment.id);
        return reply.error;
      }
      overlay.settle(appointment.id);
      if (options.undoable !== false) {
        undoStack.current.push({ id: appointment.id, changes, base, what });
        if (undoStack.current.length > 50) undoStack.current.shift();
        setCanUndo(true);
      }
      const queued = reply.value.state === 'queued';
      toast({
        kind: queued ? 'info' : 'success',
        message: queued
          ? `${what}. Saved on this computer: it goes to drchrono when the connection is back.`
          : `${what}.`,
        ...(options.undoable !== false
          ? {
              action: {
                label: 'Undo',
                run: () => {
                  undoRef.current();
                },
              },
            }
          : {}),
      });
      return null;
    },
    [api, overlay, toast, explain],
  );

  const undo = useCallback(() => {
    const step = undoStack.current.pop();
    setCanUndo(undoStack.current.length > 0);
    if (!step) return;
    const ctx = latestContext.current();
    const current = ctx?.appointments.find((a) => a.id === step.id);
    if (!ctx || !current) {
      toast({
        kind: 'error',
        message: 'That appointment is no longer on this calendar; nothing to undo.',
      });
      return;
    }
    void update(current, step.base, { what: `Undid: ${step.what}`, undoable: false });
  }, [toast, update]);
  useLayoutEffect(() => {
    undoRef.current = undo;
  });

  const move = useCallback<AppointmentActions['move']>(
    (request) => {
      const ctx = latestContext.current();
      const appointment = ctx?.appointments.find((a) => a.id === request.id);
      if (!ctx || !appointment) {
        request.revert();
        return;
      }
      // The book in memory already says whether the room is free: refuse at once, no call spent.
      // Only the target room is looked at: this runs inside FullCalendar's drop, before the paint.
      const wanted = { ...appointment, ...request.changes };
      const date = wallDate(wanted.scheduled_time);
      const sameRoom = ctx.appointments.filter(
        (a) =>
          a.office === wanted.office &&
          a.exam_room === wanted.exam_room &&
          a.id !== wanted.id &&
          a.scheduled_time.startsWith(date),
      );
      const hit = findClashes(wanted, sameRoom)[0];
      if (hit) {
        request.revert();
        const office = ctx.practice.offices.find((o) => o.id === wanted.office);
        const room = roomName(office, wanted.exam_room);
        const label = clashLabel(
          {
            scheduledTime: hit.scheduled_time,
            patient: hit.patient,
            patientName:
              hit.patient === null ? null : patientName(ctx.patients[String(hit.patient)]),
            room,
          },
          (wall) => formatClock(wall, clock.current),
        );
        const now = instantToWall(Date.now(), ctx.practice.timezone);
        setClash({
          appointmentId: appointment.id,
          message: `${room} is taken then: it clashes with ${label}. The appointment was put back.`,
          nearestFree: office
            ? nearestFreeSlots({
                date,
                office,
                examRoom: wanted.exam_room,
                appointments: sameRoom,
                around: wanted.scheduled_time,
                duration: wanted.duration,
                zone: ctx.practice.timezone,
                notBefore: wallDate(now) === date ? now : undefined,
              })
            : [],
        });
        return;
      }
      // FullCalendar already shows the move (the overlay keeps it there); the call goes out once
      // the frame is painted.
      overlay.patch(appointment.id, request.changes);
      afterPaint(() => {
        void update(appointment, request.changes, { revert: request.revert });
      });
    },
    [update, overlay],
  );

  const setStatus = useCallback<AppointmentActions['setStatus']>(
    (appointment, status) => {
      const ctx = latestContext.current();
      const name = ctx ? appointmentName(appointment, ctx.patients as never) : 'Appointment';
      return update(
        appointment,
        { status: status as AppointmentChanges['status'] },
        {
          what: `${name}: ${status || 'no status'}`,
        },
      );
    },
    [update],
  );

  const create = useCallback<AppointmentActions['create']>(
    async (draft, who) => {
      const reply = await api.appointments.create({ appointment: draft });
      if (reply.ok) {
        overlay.add(reply.value.appointment);
        const ctx = latestContext.current();
        const name =
          who ?? (ctx ? appointmentName(reply.value.appointment, ctx.patients as never) : '');
        const booked = `Booked ${name}, ${visitWhen(draft.scheduled_time, clock.current)}`;
        toast({
          kind: reply.value.state === 'queued' ? 'info' : 'success',
          message:
            reply.value.state === 'queued'
              ? `${booked}, saved on this computer: it goes to drchrono when the connection is back.`
              : `${booked}.`,
        });
      }
      return reply;
    },
    [api, overlay, toast],
  );

  const remove = useCallback<AppointmentActions['remove']>(
    async (appointment) => {
      overlay.remove(appointment.id);
      const reply = await api.appointments.delete({ id: appointment.id });
      if (!reply.ok) {
        overlay.drop(appointment.id);
        toast(errorToast(reply.error));
        return false;
      }
      overlay.settle(appointment.id);
      toast({ kind: 'success', message: 'Appointment deleted.' });
      return true;
    },
    [api, overlay, toast],
  );

  const clearClash = useCallback(() => {
    setClash(null);
  }, []);

  return useMemo(
    () => ({ update, setStatus, move, create, remove, undo, canUndo, clash, clearClash }),
    [update, setStatus, move, create, remove, undo, canUndo, clash, clearClash],
  );
}
