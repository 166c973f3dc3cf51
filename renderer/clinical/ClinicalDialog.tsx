import { useMemo, useState, type ComponentType } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { RequestOf } from '../../shared/contract';
import type { ClinicalKind } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, useZodForm } from '../forms';
import { useToast } from '../ui';
import { useSaveReply } from '../patients/common/useSaveReply';
import { AllergyFields } from './AllergyFields';
import {
  clinicalChanges,
  clinicalCreateBody,
  clinicalFormSchemas,
  clinicalShownFields,
  clinicalValues,
  type ClinicalRecord,
} from './clinical-forms';
import { kinds } from './clinical-kinds';
import { MedicationFields } from './MedicationFields';
import { ProblemFields } from './ProblemFields';

const fields: Record<ClinicalKind, ComponentType> = {
  allergies: AllergyFields,
  medications: MedicationFields,
  problems: ProblemFields,
};

/** Adds or edits an allergy, medication or problem. Editing sends only the changed fields. */
export function ClinicalDialog({
  kind,
  record,
  owner,
  onClose,
  onSaved,
}: {
  kind: ClinicalKind;
  /** null to add a new one. */
  record: ClinicalRecord | null;
  owner: { patient: number; doctor: number };
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const toast = useToast();
  const handleReply = useSaveReply();
  const info = kinds[kind];
  const { patient, doctor } = owner;
  const initial = useMemo(
    () => clinicalValues(kind, record, { patient, doctor }),
    [kind, record, patient, doctor],
  );
  const schema = clinicalFormSchemas[kind] as unknown as z.ZodType<FieldValues, FieldValues>;
  const form = useZodForm(schema, initial);
  const [message, setMessage] = useState<string | null>(null);
  const Fields = fields[kind];

  const submit = async (values: FieldValues) => {
    setMessage(null);
    const reply = record
      ? await (() => {
          const { changes, base, count } = clinicalChanges(kind, initial, values);
          if (count === 0) return null;
          return api.clinical.update({
            kind,
            id: record.id,
            changes,
            base,
          });
        })()
      : await api.clinical.create({
          kind,
          record: clinicalCreateBody(values),
        } as RequestOf<'clinical:create'>);
    if (reply === null) {
      toast({ kind: 'info', message: 'Nothing was changed.' });
      onClose();
      return;
    }
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: clinicalShownFields[kind],
        done: record ? `${capitalise(info.singular)} saved` : `${capitalise(info.singular)} added`,
        onSuccess: () => {
          form.reset(values);
          onSaved();
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title={record ? `Edit ${info.singular}` : `Add ${info.singular}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={record ? 'Save' : `Add ${info.singular}`}
      message={message}
    >
      <Fields />
    </FormDialog>
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
