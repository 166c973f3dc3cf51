import { useEffect, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import { appointmentStatuses } from '../../shared/drchrono';
import type { Slot } from '../../shared/result';
import { patientName } from '../../shared/schedule';
import { formatBirthDate } from '../../shared/time/birth-date';
import { instantToWall, normalizeWall } from '../../shared/time/practice-time';
import { useFrontdesk } from '../bridge';
import {
  CheckboxField,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
  applyServerError,
  useUnsavedChangesGuard,
  useZodForm,
} from '../forms';
import { Button, Dialog, Notice } from '../ui';
import {
  bookingFields,
  bookingFormSchema,
  changesFromForm,
  draftFromForm,
  initialProblems,
  toInputTime,
  type BookingFormInput,
} from './booking-form';
import { NearestSlots } from './NearestSlots';
import { PatientCombobox } from './PatientCombobox';
import type { AppointmentActions } from './useAppointmentActions';
import { formatDay } from './view-range';
import { ReminderProfileField } from '../paperwork/ReminderProfileField';
import { visitWhen } from './visit-words';
import { WalkInForm } from './WalkInForm';
import { BookingFlagsLine } from './BookingFlagsLine';
import { sameDayVisits, sameDayWarning } from './same-day';
import { useDeskLocale } from './useDeskLocale';

export type BookingRequest =
  | { mode: 'new'; initial: BookingFormInput; patient: PatientBrief | null }
  | {
      mode: 'edit';
      appointment: AppointmentItem;
      initial: BookingFormInput;
      patient: PatientBrief | null;
    };

export interface BookingDialogProps {
  request: BookingRequest;
  practice: Practice;
  actions: Pick<AppointmentActions, 'create' | 'update'>;
  onClose: () => void;
  /** The appointments the calendar holds: a same-day visit of the patient is warned about. */
  known?: readonly AppointmentItem[];
}

type Conflict = { message: string; nearestFree: Slot[] };

/**
 * Book a visit or a break, or edit one: patient (saved roster first, then drchrono), profile (fills
 * duration, colour and reason), room, start, duration, status, notes, walk-in. A clash is refused
 * by drchrono with the appointment it hits and the nearest free slots, which one click takes.
 */
export function BookingDialog({
  request,
  practice,
  actions,
  onClose,
  known = [],
}: BookingDialogProps) {
  const api = useFrontdesk();
  const { hour12 } = useDeskLocale();
  const form = useZodForm(bookingFormSchema, request.initial);
  const [patient, setPatient] = useState<PatientBrief | null>(request.patient);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [opening, setOpening] = useState<{ text: string; kind: 'info' | 'warning' } | null>(null);
  const [saving, setSaving] = useState(false);
  /** A new patient being made for this visit: what was typed in the search, to fill its boxes. */
  const [walkIn, setWalkIn] = useState<string | null>(null);
  useUnsavedChangesGuard(form, saving);
  // What drchrono holds but the form cannot save (a duration of 0): said once, fields marked.
  const [problems] = useState(() =>
    request.mode === 'edit' ? initialProblems(request.initial) : { fields: [], message: '' },
  );
  useEffect(() => {
    if (problems.fields.length > 0) void form.trigger(problems.fields as never);
  }, [form, problems]);

  const office = practice.offices.find((o) => o.id === request.initial.office);
  const isBreak = useWatch({ control: form.control, name: 'is_break' });
  const profileId = useWatch({ control: form.control, name: 'profile' });
  const startsAt = useWatch({ control: form.control, name: 'scheduled_time' });
  const sameDay =
    patient && !isBreak
      ? sameDayWarning(
          sameDayVisits(
            known,
            patient.id,
            (startsAt || '').slice(0, 10),
            request.mode === 'edit' ? request.appointment.id : null,
          ),
          practice,
          patientName(patient) ?? 'This patient',
          hour12,
        )
      : null;
  const profiles = practice.profiles.filter((p) => p.archived !== true);
  const chosenProfile = profiles.find((p) => p.id === profileId);

  const onProfile = (id: number | null) => {
    const profile = profiles.find((p) => p.id === id);
    if (!profile) return;
    form.setValue('duration', profile.duration, { shouldDirty: true, shouldValidate: true });
    form.setValue('color', profile.color, { shouldDirty: true });
    // The reason follows the profile unless the desk typed one of its own.
    const reason = form.getValues('reason') ?? '';
    const defaults = new Set(profiles.flatMap((p) => [p.reason ?? '', p.name]));
    if (!reason || defaults.has(reason)) {
      form.setValue('reason', profile.reason ?? profile.name, { shouldDirty: true });
    }
    if (profile.doctor) form.setValue('doctor', profile.doctor, { shouldDirty: true });
  };

  useEffect(() => {
    // Only the user's own choice fills in the profile's defaults, never the initial values.
    const watcher = form.watch((values, { name, type }) => {
      if (name === 'profile' && type === 'change') onProfile(values.profile ?? null);
    });
    return () => {
      watcher.unsubscribe();
    };
  });

  const takeSlot = (slot: Slot) => {
    form.setValue('scheduled_time', toInputTime(slot.start), {
      shouldDirty: true,
      shouldValidate: true,
    });
    form.setValue('exam_room', slot.examRoom, { shouldDirty: true, shouldValidate: true });
    setConflict(null);
  };

  const findOpening = async () => {
    if (!chosenProfile || !office) return;
    setOpening({ text: 'Looking for the next opening…', kind: 'info' });
    // From the start shown (the slot clicked, usually today), never from the past.
    const now = instantToWall(Date.now(), practice.timezone);
    const start = normalizeWall(form.getValues('scheduled_time') || now);
    const reply = await api.schedule.findOpening({
      profileId: chosenProfile.id,
      officeId: office.id,
      from: start > now ? start : now,
      doctorId: form.getValues('doctor') || undefined,
    });
    if (!reply.ok) {
      setOpening({ text: reply.error.message, kind: 'warning' });
      return;
    }
    const found = reply.value.opening;
    if (!found) {
      setOpening({
        text: `No opening for ${chosenProfile.name} through ${formatDay(reply.value.searchedThrough)}.`,
        kind: 'warning',
      });
      return;
    }
    takeSlot({ start: found.start, end: found.end, examRoom: found.examRoom });
    const room =
      office.exam_rooms.find((r) => r.index === found.examRoom)?.name ?? `Room ${found.examRoom}`;
    setOpening({
      text: `Next opening: ${visitWhen(found.start, hour12)}, ${room}${
        found.templateId === null ? ' (free time in the room)' : ''
      }.`,
      kind: 'info',
    });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setConflict(null);
    setSaving(true);
    let error;
    if (request.mode === 'new') {
      const reply = await actions.create(draftFromForm(values), patientName(patient) ?? undefined);
      error = reply.ok ? null : reply.error;
    } else {
      const { changes, count } = changesFromForm(request.initial, values);
      if (count === 0) {
        onClose();
        return;
      }
      error = await actions.update(request.appointment, changes, {
        what: `Saved ${patientName(patient) ?? 'the appointment'}`,
        report: false,
      });
    }
    if (!error) {
      onClose();
      return;
    }
    setSaving(false);
    if (error.code === 'conflict' && error.conflict) {
      setConflict({ message: error.message, nearestFree: error.conflict.nearestFree });
      return;
    }
    setMessage(applyServerError(form.setError, error, bookingFields));
  });

  const title =
    request.mode === 'new'
      ? isBreak
        ? 'New break'
        : 'New appointment'
      : `Edit ${request.appointment.patient === null ? 'break' : 'appointment'}`;

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      className="fdc-booking"
      footer={
        walkIn !== null ? null : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form="fdc-booking-form" disabled={saving}>
              {saving ? 'Saving…' : request.mode === 'new' ? 'Book' : 'Save'}
            </Button>
          </>
        )
      }
    >
      {walkIn !== null ? (
        <WalkInForm
          practice={practice}
          typed={walkIn}
          doctor={form.getValues('doctor') || null}
          onCreated={(p) => {
            setPatient(p);
            form.setValue('patient', p.id, { shouldDirty: true, shouldValidate: true });
            setWalkIn(null);
          }}
          onCancel={() => {
            setWalkIn(null);
          }}
        />
      ) : null}
      <FormProvider {...form}>
        <form
          id="fdc-booking-form"
          className="fd-form"
          noValidate
          hidden={walkIn !== null}
          // Kept mounted (what was typed stays) but out of sight: `.fd-form` would undo `hidden`.
          style={walkIn !== null ? { display: 'none' } : undefined}
          onSubmit={onSubmit}
        >
          <FormMessage message={message} />
          {problems.message ? <Notice kind="warning">{problems.message}</Notice> : null}
          {conflict ? (
            <Notice kind="error">
              <p className="fdc-notice-text">{conflict.message}</p>
              <NearestSlots slots={conflict.nearestFree} office={office} onPick={takeSlot} />
            </Notice>
          ) : null}
          <CheckboxField name="is_break" label="Break (no patient: blocks the room)" />
          {!isBreak ? (
            <div className="fdc-patient-field">
              {patient ? (
                <p className="fdc-chosen" aria-live="polite">
                  <strong>{patientName(patient) ?? `Patient ${patient.id}`}</strong>{' '}
                  <span className="fd-field__hint">
                    {[
                      patient.date_of_birth
                        ? `DOB ${formatBirthDate(patient.date_of_birth)}`
                        : null,
                      patient.cell_phone || patient.home_phone,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>{' '}
                  <Button
                    size="small"
                    onClick={() => {
                      setPatient(null);
                      form.setValue('patient', null, { shouldDirty: true });
                    }}
                  >
                    Change patient
                  </Button>
                </p>
              ) : (
                <PatientCombobox
                  label="Patient"
                  autoFocus
                  invalid={Boolean(form.formState.errors.patient)}
                  hint={form.formState.errors.patient?.message}
                  onPick={(p) => {
                    setPatient(p);
                    form.setValue('patient', p.id, { shouldDirty: true, shouldValidate: true });
                  }}
                  onNewPatient={setWalkIn}
                />
              )}
              {patient ? (
                <BookingFlagsLine
                  patientId={patient.id}
                  hint={practice.availability?.flagTypes.reason}
                />
              ) : null}
              {sameDay ? <Notice kind="warning">{sameDay}</Notice> : null}
            </div>
          ) : null}
          <div className="fd-form__grid">
            <SelectField
              name="profile"
              label="Profile"
              numeric
              placeholder="— none —"
              hint={practice.availability?.profiles.reason ?? undefined}
              options={profiles.map((p) => ({
                value: p.id,
                label: `${p.name} (${p.duration} min)`,
              }))}
            />
            <SelectField
              name="exam_room"
              label="Exam room"
              numeric
              options={(office?.exam_rooms ?? []).map((r) => ({ value: r.index, label: r.name }))}
            />
            <TextField
              name="scheduled_time"
              label="Start"
              type="datetime-local"
              step={300}
              required
            />
            <TextField
              name="duration"
              label="Duration (minutes)"
              type="number"
              min={5}
              step={5}
              numeric
              required
            />
            <SelectField
              name="doctor"
              label="Provider"
              numeric
              options={practice.doctors.map((d) => ({
                value: d.id,
                label: `Dr. ${d.first_name} ${d.last_name}`,
              }))}
            />
            <SelectField
              name="status"
              label="Status"
              options={appointmentStatuses.map((s) => ({ value: s, label: s || '— none —' }))}
            />
          </div>
          {chosenProfile ? (
            <div className="fdc-opening">
              <Button size="small" onClick={() => void findOpening()}>
                Find next opening for {chosenProfile.name}
              </Button>
              {opening ? (
                <Notice kind={opening.kind} live>
                  {opening.text}
                </Notice>
              ) : null}
            </div>
          ) : null}
          {request.mode === 'new' && !isBreak ? <ReminderProfileField /> : null}
          <TextField name="reason" label="Reason" maxLength={500} />
          <TextAreaField name="notes" label="Notes" rows={3} maxLength={5000} />
          {!isBreak ? <CheckboxField name="is_walk_in" label="Walk-in" /> : null}
        </form>
      </FormProvider>
    </Dialog>
  );
}
