import { useId, useState } from 'react';
import { billingStatuses } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { Button, errorToast, useToast } from '../ui';
import { queuedMessage } from '../patients/common/messages';

/** The appointment's billing status, settable from the documented list (one PATCH). */
export function BillingStatusControl({
  appointmentId,
  current,
  onSaved,
}: {
  appointmentId: string;
  current: string | null | undefined;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const toast = useToast();
  const id = useId();
  const [value, setValue] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const options: string[] = [
    ...(current && !(billingStatuses as readonly string[]).includes(current) ? [current] : []),
    ...billingStatuses,
  ];

  const save = async () => {
    setBusy(true);
    const reply = await api.appointments.update({
      id: appointmentId,
      changes: { billing_status: value },
      base: { billing_status: current ?? '' },
    });
    setBusy(false);
    if (!reply.ok) {
      toast(errorToast(reply.error));
      return;
    }
    toast(
      reply.value.state === 'queued'
        ? { kind: 'info', message: queuedMessage }
        : { kind: 'success', message: `Billing status: ${value || 'not set'}` },
    );
    onSaved();
  };

  return (
    <div className="fd-rec-inline-field">
      <label htmlFor={id} className="fd-field__label">
        Billing status
      </label>
      <select
        id={id}
        className="fd-select"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
        }}
      >
        <option value="">Not set</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <Button onClick={() => void save()} disabled={busy || value === (current ?? '')}>
        {busy ? 'Saving…' : 'Set status'}
      </Button>
    </div>
  );
}
