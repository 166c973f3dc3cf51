import { useEffect, useState } from 'react';
import type { Practice } from '../../../shared/contract';
import {
  appointmentTemplateWritable,
  type AppointmentTemplate,
  type AppointmentTemplateWritable,
} from '../../../shared/drchrono';
import { useFrontdesk } from '../../bridge';
import {
  applyServerError,
  changedFields,
  FormDialog,
  SelectField,
  TextField,
  useZodForm,
} from '../../forms';
import { WeekDaysField } from './WeekDaysField';

const fields = [
  'exam_room',
  'profile',
  'doctor',
  'scheduled_time',
  'duration',
  'week_days',
] as const;

/** Create or edit a template: a block of time a room keeps for one profile on some week days. */
export function TemplateDialog({
  practice,
  officeId,
  template,
  onClose,
  onSaved,
}: {
  practice: Practice;
  officeId: number;
  template: AppointmentTemplate | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const api = useFrontdesk();
  const office = practice.offices.find((o) => o.id === officeId);
  const profiles = practice.profiles.filter((p) => p.archived !== true);
  const initial: AppointmentTemplateWritable = {
    office: officeId,
    exam_room: template?.exam_room ?? office?.exam_rooms[0]?.index ?? 1,
    profile: template?.profile ?? profiles[0]?.id ?? 0,
    ...(template?.doctor
      ? { doctor: template.doctor }
      : office?.doctor
        ? { doctor: office.doctor }
        : {}),
    duration: template?.duration ?? 120,
    scheduled_time: (template?.scheduled_time ?? '09:00').slice(0, 5),
    week_days: template?.week_days ?? [0, 1, 2, 3, 4],
  };
  const form = useZodForm(appointmentTemplateWritable, initial);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const watcher = form.watch((values, { name, type }) => {
      // A new block defaults to a few visits of the chosen profile.
      if (name !== 'profile' || type !== 'change' || template) return;
      const profile = profiles.find((p) => p.id === values.profile);
      if (profile) form.setValue('duration', profile.duration * 4, { shouldDirty: true });
    });
    return () => {
      watcher.unsubscribe();
    };
  });

  const onSubmit = async (values: AppointmentTemplateWritable) => {
    setMessage(null);
    const normalised = { ...values, scheduled_time: values.scheduled_time.slice(0, 5) };
    let reply;
    if (template) {
      const { changes, count } = changedFields(initial, normalised);
      if (count === 0) {
        onClose();
        return;
      }
      reply = await api.templates.update({ id: template.id, changes });
    } else {
      reply = await api.templates.create({ template: normalised });
    }
    if (!reply.ok) {
      setMessage(applyServerError(form.setError, reply.error, fields));
      return;
    }
    onSaved(template ? 'Template saved.' : 'Template created.');
  };

  return (
    <FormDialog
      open
      title={template ? 'Edit template' : `New template at ${office?.name ?? 'this office'}`}
      form={form}
      onSubmit={onSubmit}
      onClose={onClose}
      submitLabel="Save"
      message={message}
    >
      <div className="fd-form__grid">
        <SelectField
          name="exam_room"
          label="Exam room"
          numeric
          options={(office?.exam_rooms ?? []).map((r) => ({ value: r.index, label: r.name }))}
        />
        <SelectField
          name="profile"
          label="Profile"
          numeric
          options={profiles.map((p) => ({ value: p.id, label: p.name }))}
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
        <TextField name="scheduled_time" label="Starts at" type="time" step={300} required />
        <TextField
          name="duration"
          label="Length (minutes)"
          type="number"
          min={5}
          step={5}
          numeric
          required
        />
      </div>
      <WeekDaysField name="week_days" label="Week days" />
    </FormDialog>
  );
}
