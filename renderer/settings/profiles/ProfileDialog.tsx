import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  appointmentProfileWritable,
  type AppointmentProfile,
  type AppointmentProfileWritable,
} from '../../../shared/drchrono';
import { useFrontdesk } from '../../bridge';
import {
  applyServerError,
  changedFields,
  CheckboxField,
  FormDialog,
  TextField,
  useZodForm,
} from '../../forms';

const fields = ['name', 'color', 'duration', 'reason', 'online_scheduling'] as const;

function initialOf(profile: AppointmentProfile | null): AppointmentProfileWritable {
  return {
    name: profile?.name ?? '',
    color: /^#[0-9a-fA-F]{6}$/.test(profile?.color ?? '')
      ? (profile?.color ?? '#3a87ad')
      : '#3a87ad',
    duration: profile?.duration ?? 30,
    reason: profile?.reason ?? '',
    online_scheduling: profile?.online_scheduling === true,
  };
}

/** Create or edit an appointment profile: name, colour, default duration and reason. */
export function ProfileDialog({
  profile,
  onClose,
  onSaved,
}: {
  profile: AppointmentProfile | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const api = useFrontdesk();
  const initial = initialOf(profile);
  const form = useZodForm(appointmentProfileWritable, initial);
  const [message, setMessage] = useState<string | null>(null);
  const colour = useWatch({ control: form.control, name: 'color' });

  const onSubmit = async (values: AppointmentProfileWritable) => {
    setMessage(null);
    let reply;
    if (profile) {
      const { changes, count } = changedFields(initial, values);
      if (count === 0) {
        onClose();
        return;
      }
      reply = await api.profiles.update({ id: profile.id, changes });
    } else {
      reply = await api.profiles.create({ profile: values });
    }
    if (!reply.ok) {
      setMessage(applyServerError(form.setError, reply.error, fields));
      return;
    }
    onSaved(profile ? `Saved “${values.name}”.` : `Created “${values.name}”.`);
  };

  return (
    <FormDialog
      open
      title={profile ? `Edit ${profile.name}` : 'New appointment profile'}
      form={form}
      onSubmit={onSubmit}
      onClose={onClose}
      submitLabel="Save"
      message={message}
    >
      <TextField name="name" label="Name" required maxLength={100} />
      <div className="fd-form__grid">
        <TextField name="color" label="Colour" type="color" hint={colour} required />
        <TextField
          name="duration"
          label="Duration (minutes)"
          type="number"
          min={5}
          step={5}
          numeric
          required
        />
      </div>
      <TextField name="reason" label="Default reason" maxLength={200} />
      <CheckboxField name="online_scheduling" label="Offer for online scheduling" />
    </FormDialog>
  );
}
