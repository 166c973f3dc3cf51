import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import type { ListAvailability, ResponseOf } from '../../shared/contract';
import type { CustomDemographicField, Doctor, Patient } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormMessage, useConfirmDiscard, useUnsavedChangesGuard, useZodForm } from '../forms';
import { Button, useToast } from '../ui';
import { useSaveReply } from './common/useSaveReply';
import { CareFields } from './CareFields';
import { ContactFields } from './ContactFields';
import { InsuranceFields } from './InsuranceFields';
import { NameFields } from './NameFields';
import {
  createPayload,
  editPayload,
  hasInsuranceCard,
  patientFormFields,
  patientFormSchema,
  toFormValues,
  type PatientFormOutput,
} from './patient-form';

export type PatientFormProps = {
  doctors: readonly Doctor[];
  customFields: readonly CustomDemographicField[];
  /** Why the practice's own fields are missing, when they are. */
  customAvailability?: ListAvailability | undefined;
  /** The provider a new patient gets unless changed: the signed-in user's doctor. */
  defaultDoctor: number | null;
  onCancel: () => void;
} & (
  | {
      mode: 'create';
      patient?: undefined;
      onSaved: (result: ResponseOf<'patients:create'>) => void;
    }
  | {
      mode: 'edit';
      patient: Patient;
      onSaved: (result: ResponseOf<'patients:update'>) => void;
    }
);

/**
 * Every writable field of a patient. Creating sends what was filled in; editing sends only what
 * changed (a PATCH), so the fields drchrono holds and this form does not show are never touched.
 */
export function PatientForm(props: PatientFormProps) {
  const { mode, patient, doctors, customFields, customAvailability, defaultDoctor, onCancel } =
    props;
  const api = useFrontdesk();
  const toast = useToast();
  const handleReply = useSaveReply();
  const hasInsurance =
    hasInsuranceCard(patient?.primary_insurance) || hasInsuranceCard(patient?.secondary_insurance);
  const schema = useMemo(() => patientFormSchema({ mode, hasInsurance }), [mode, hasInsurance]);
  const initial = useMemo(
    () => toFormValues(patient ?? null, { doctor: defaultDoctor }),
    [patient, defaultDoctor],
  );
  const form = useZodForm(schema, initial);
  const mayDiscard = useConfirmDiscard(form);
  const [message, setMessage] = useState<string | null>(null);
  // Leaving happens one render after the decision, once the leave guard has let go of the form.
  const [finished, setFinished] = useState<
    | { kind: 'created'; value: ResponseOf<'patients:create'> }
    | { kind: 'updated'; value: ResponseOf<'patients:update'> }
    | { kind: 'cancelled' }
    | null
  >(null);
  useUnsavedChangesGuard(form, finished !== null);
  const leave = useEffectEvent((how: NonNullable<typeof finished>) => {
    if (how.kind === 'cancelled') onCancel();
    else if (how.kind === 'created' && props.mode === 'create') props.onSaved(how.value);
    else if (how.kind === 'updated' && props.mode === 'edit') props.onSaved(how.value);
  });
  useEffect(() => {
    if (finished) leave(finished);
  }, [finished]);

  const submit = async (values: PatientFormOutput) => {
    setMessage(null);
    if (props.mode === 'create') {
      const reply = await api.patients.create({ patient: createPayload(values) });
      setMessage(
        handleReply(reply, {
          setError: form.setError,
          shownFields: patientFormFields,
          done: 'Patient created',
          onSuccess: (value) => {
            setFinished({ kind: 'created', value });
          },
        }),
      );
      return;
    }
    const { changes, base, count } = editPayload(initial, values);
    if (count === 0) {
      toast({ kind: 'info', message: 'Nothing was changed.' });
      setFinished({ kind: 'cancelled' });
      return;
    }
    const reply = await api.patients.update({ id: props.patient.id, changes, base });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: patientFormFields,
        done: `Saved ${count === 1 ? 'the change' : `${count} changes`}`,
        onSuccess: (value) => {
          setFinished({ kind: 'updated', value });
        },
      }),
    );
  };

  const cancel = async () => {
    if (await mayDiscard()) setFinished({ kind: 'cancelled' });
  };

  const title = mode === 'create' ? 'New patient' : 'Edit patient details';
  return (
    <FormProvider {...form}>
      <form
        className="fd-form fd-rec-patient-form"
        noValidate
        aria-label={title}
        onSubmit={form.handleSubmit(submit)}
      >
        <header className="fd-rec-form-header">
          <h2>{title}</h2>
          <div className="fd-toolbar">
            <Button onClick={() => void cancel()}>Cancel</Button>
            <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting
                ? 'Saving…'
                : mode === 'create'
                  ? 'Create patient'
                  : 'Save changes'}
            </Button>
          </div>
        </header>
        <FormMessage message={message} />
        <NameFields language={patient?.preferred_language} />
        <ContactFields state={patient?.state} employerState={patient?.employer_state} />
        <CareFields
          doctors={doctors}
          customFields={customFields}
          customAvailability={customAvailability}
        />
        {mode === 'create' ? (
          <section className="fd-rec-form-section" aria-label="Primary insurance">
            <h3>Primary insurance (optional)</h3>
            <p className="fd-field__hint">
              Leave these boxes empty for a self-pay patient. Secondary and tertiary insurance can
              be added from the patient’s Insurance tab.
            </p>
            <InsuranceFields prefix="primary_insurance." />
          </section>
        ) : null}
        <div className="fd-toolbar fd-rec-form-footer">
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {mode === 'create' ? 'Create patient' : 'Save changes'}
          </Button>
          <Button onClick={() => void cancel()}>Cancel</Button>
        </div>
      </form>
    </FormProvider>
  );
}
