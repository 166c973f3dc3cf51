import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import type { AppointmentItem, Practice } from '../../shared/contract';
import { isoDate, timeOfDay, type AppointmentChanges } from '../../shared/drchrono';
import type { Slot } from '../../shared/result';
import { normalizeWall } from '../../shared/time/practice-time';
import { FormMessage, SelectField, TextField, useZodForm } from '../forms';
import { Button, Dialog, Notice } from '../ui';
import { NearestSlots } from './NearestSlots';
import type { AppointmentActions } from './useAppointmentActions';

const moveSchema = z.strictObject({
  date: isoDate,
  time: timeOfDay,
  exam_room: z.int().positive('Choose a room'),
});

/** "Move to…": another day, time or room, from the card or the M key. */
export function MoveToDialog({
  appointment,
  name,
  practice,
  actions,
  onClose,
}: {
  appointment: AppointmentItem;
  name: string;
  practice: Practice;
  actions: Pick<AppointmentActions, 'update'>;
  onClose: () => void;
}) {
  const office = practice.offices.find((o) => o.id === appointment.office);
  const form = useZodForm(moveSchema, {
    date: appointment.scheduled_time.slice(0, 10),
    time: appointment.scheduled_time.slice(11, 16),
    exam_room: appointment.exam_room,
  });
  const [conflict, setConflict] = useState<{ message: string; nearestFree: Slot[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const take = (slot: Slot) => {
    form.setValue('date', slot.start.slice(0, 10), { shouldDirty: true });
    form.setValue('time', slot.start.slice(11, 16), { shouldDirty: true });
    form.setValue('exam_room', slot.examRoom, { shouldDirty: true });
    setConflict(null);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setConflict(null);
    setMessage(null);
    const when = normalizeWall(`${values.date}T${values.time}`);
    const changes: AppointmentChanges = {};
    if (when !== normalizeWall(appointment.scheduled_time)) changes.scheduled_time = when;
    if (values.exam_room !== appointment.exam_room) changes.exam_room = values.exam_room;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    const error = await actions.update(appointment, changes, { report: false });
    if (!error) {
      onClose();
      return;
    }
    if (error.code === 'conflict' && error.conflict)
      setConflict({ message: error.message, nearestFree: error.conflict.nearestFree });
    else setMessage(error.message);
  });

  return (
    <Dialog
      open
      title={`Move ${name}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="fdc-move-form">
            Move
          </Button>
        </>
      }
    >
      <FormProvider {...form}>
        <form id="fdc-move-form" className="fd-form" noValidate onSubmit={onSubmit}>
          <FormMessage message={message} />
          {conflict ? (
            <Notice kind="error">
              <p className="fdc-notice-text">{conflict.message}</p>
              <NearestSlots slots={conflict.nearestFree} office={office} onPick={take} />
            </Notice>
          ) : null}
          <div className="fd-form__grid">
            <TextField name="date" label="Day" type="date" required />
            <TextField name="time" label="Time" type="time" step={300} required />
            <SelectField
              name="exam_room"
              label="Exam room"
              numeric
              options={(office?.exam_rooms ?? []).map((r) => ({ value: r.index, label: r.name }))}
            />
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
