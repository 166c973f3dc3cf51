import { useEffect, useId, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useFrontdesk, useQuery } from '../bridge';
import { Button, errorToast, useToast } from '../ui';

/**
 * The booking form's reminder profile (`reminder_profile`, write-only at drchrono: it creates the
 * visit's reminders). Starts from the desk's default for the chosen appointment profile, else the
 * practice default; "Make default" remembers the choice on this workstation.
 */
export function ReminderProfileField() {
  const api = useFrontdesk();
  const toast = useToast();
  const id = useId();
  const { register, setValue, control } = useFormContext<{
    profile?: number | null;
    reminder_profile?: number;
  }>();
  const profileId = useWatch({ control, name: 'profile' }) ?? null;
  const chosen = useWatch({ control, name: 'reminder_profile' });
  const profiles = useQuery('reminders:profiles', {});
  const defaults = useQuery('reminders:defaults', {});
  const touched = useRef(false);

  const d = defaults.data;
  const suggested = d
    ? ((profileId !== null ? d.byAppointmentProfile[String(profileId)] : undefined) ??
      d.practiceDefault ??
      undefined)
    : undefined;
  const list = profiles.data?.profiles;
  // Refused, missing or unreadable: the list is empty and this says why (booking still works).
  const unavailable = profiles.data?.availability.reason ?? null;
  useEffect(() => {
    if (touched.current || !list) return;
    const exists = suggested !== undefined && list.some((p) => p.id === suggested);
    setValue('reminder_profile', exists ? suggested : undefined, { shouldDirty: false });
  }, [suggested, list, setValue]);

  const makeDefault = async () => {
    const reply = await api.reminders.setDefault({
      appointmentProfileId: profileId,
      reminderProfileId: chosen ?? null,
    });
    if (!reply.ok) {
      toast(errorToast(reply.error));
      return;
    }
    defaults.reload();
    toast({
      kind: 'success',
      message: profileId !== null ? 'Default saved for this visit type' : 'Practice default saved',
    });
  };

  const field = register('reminder_profile', {
    setValueAs: (v: unknown) => (v === '' || v == null ? undefined : Number(v)),
  });
  return (
    <div className="fd-field">
      <label className="fd-field__label" htmlFor={id}>
        Reminders
      </label>
      <span className="fdp-inline">
        <select
          id={id}
          className="fd-select"
          disabled={!list || list.length === 0}
          {...field}
          onChange={(e) => {
            touched.current = true;
            void field.onChange(e);
          }}
        >
          <option value="">— no reminder profile —</option>
          {(list ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <Button
          size="small"
          disabled={!d || !list || list.length === 0}
          onClick={() => void makeDefault()}
        >
          Make default
        </Button>
      </span>
      {profiles.error ? (
        <span className="fd-field__hint">
          Reminder profiles not available: {profiles.error.message}
        </span>
      ) : unavailable ? (
        <span className="fd-field__hint">{unavailable}</span>
      ) : null}
    </div>
  );
}
