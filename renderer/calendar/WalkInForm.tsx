import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import type { PatientBrief, Practice } from '../../shared/contract';
import { formatBirthDate } from '../../shared/time/birth-date';
import { useFrontdesk } from '../bridge';
import { FormMessage, SelectField, TextField, applyServerError, useZodForm } from '../forms';
import { Button } from '../ui';
import { SexChoice } from './SexChoice';
import './booking-extras.css';
import { walkInDefaults, walkInFields, walkInPayload, walkInSchema } from './walk-in-form';

export interface WalkInFormProps {
  practice: Practice;
  /** What the desk typed in the patient search: it fills the matching boxes. */
  typed: string;
  /** The booking's provider: the new patient's primary provider unless changed. */
  doctor: number | null;
  /** drchrono has the patient: back to the booking with it chosen. */
  onCreated: (patient: PatientBrief) => void;
  onCancel: () => void;
}

/**
 * A new patient for a walk-in, inside the booking dialog: only what drchrono and the practice
 * require, created through the same `patients:create` channel as the records area's form.
 * It is its own form (next to the booking's, never inside it), so Enter here creates the patient.
 */
export function WalkInForm({ practice, typed, doctor, onCreated, onCancel }: WalkInFormProps) {
  const api = useFrontdesk();
  // A birth date after the practice's today is a typo (the practice's day, not this computer's).
  const schema = useMemo(() => walkInSchema(practice.today), [practice.today]);
  const form = useZodForm(schema, walkInDefaults(typed, doctor));
  const [message, setMessage] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | undefined>(undefined);

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    const reply = await api.patients.create({ patient: walkInPayload(values) });
    if (!reply.ok) {
      setDetail(reply.error.detail);
      setMessage(applyServerError(form.setError, reply.error, walkInFields));
      return;
    }
    if (reply.value.state === 'queued' || !reply.value.patient) {
      // No id yet: an appointment cannot name a patient drchrono has not created.
      setMessage(
        'The new patient is saved on this computer and goes to drchrono when the connection is back; book the visit once it is there.',
      );
      return;
    }
    onCreated(reply.value.patient);
  });

  return (
    <FormProvider {...form}>
      <form
        id="fdc-walkin-form"
        className="fd-form fdc-walkin"
        noValidate
        aria-label="New patient"
        onSubmit={(e) => void submit(e)}
      >
        <h3 className="fdc-walkin__title">New patient</h3>
        <p className="fd-field__hint">
          What drchrono and the practice need now; the rest can be added in the patient’s record.
        </p>
        <FormMessage message={message} detail={detail} />
        <div className="fd-form__grid">
          <TextField name="first_name" label="First name" required autoComplete="off" />
          <TextField name="last_name" label="Last name" required autoComplete="off" />
          <TextField
            name="date_of_birth"
            label="Date of birth"
            required
            autoComplete="off"
            placeholder="MM/DD/YYYY"
            hint={`e.g. ${formatBirthDate('1985-07-15')}`}
          />
          <TextField
            name="cell_phone"
            label="Cell phone"
            type="tel"
            autoComplete="off"
            placeholder="(845) 555-0123"
          />
          <SexChoice name="gender" />
          <SelectField
            name="doctor"
            label="Primary provider"
            numeric
            required
            placeholder="— choose —"
            options={practice.doctors.map((d) => ({
              value: d.id,
              label: `Dr. ${d.first_name} ${d.last_name}`,
            }))}
          />
        </div>
        <div className="fd-toolbar">
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Creating…' : 'Create patient'}
          </Button>
          <Button onClick={onCancel}>Back to search</Button>
        </div>
      </form>
    </FormProvider>
  );
}
