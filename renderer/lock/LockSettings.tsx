import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useFrontdesk, useQuery } from '../bridge';
import { applyServerError, FormMessage, TextField, useZodForm } from '../forms';
import { Button, Spinner } from '../ui';
import { setPinFormSchema } from './pin-form';

const idleChoices = [2, 5, 10, 15, 30, 60];

/** The idle lock: after how many idle minutes, and the desk's unlock PIN. */
export function LockSettings() {
  const api = useFrontdesk();
  const lock = useQuery('lock:status', {});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const form = useZodForm(setPinFormSchema, { pin: '', currentPin: '' });

  const onSubmit = form.handleSubmit(async ({ pin, currentPin }) => {
    setMessage(null);
    const reply = await api.lock.setPin({ pin, ...(currentPin ? { currentPin } : {}) });
    form.reset({ pin: '', currentPin: '' });
    if (!reply.ok) {
      setMessage({
        kind: 'error',
        text: applyServerError(form.setError, reply.error, ['pin', 'currentPin']),
      });
      return;
    }
    setMessage({ kind: 'success', text: 'The PIN is set.' });
    lock.reload();
  });

  if (!lock.data) return <Spinner label="Loading the lock settings" />;
  const status = lock.data;

  return (
    <section className="fd-lock-settings" aria-labelledby="lock-settings-title">
      <h2 id="lock-settings-title">Idle lock</h2>
      <p>
        Frontdesk hides patient information after a while without use, when the computer locks or
        sleeps, and when you press <em>Lock</em>. A PIN unlocks it; without one, sign in to drchrono
        again.
      </p>
      <label className="fd-field">
        <span className="fd-field__label">Lock after</span>
        <select
          className="fd-input"
          value={status.idleMinutes}
          onChange={(event) => {
            void api.prefs.set({ lock: { idleMinutes: Number(event.target.value) } }).then(() => {
              lock.reload();
            });
          }}
        >
          {[...new Set([...idleChoices, status.idleMinutes])]
            .sort((a, b) => a - b)
            .map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes idle
              </option>
            ))}
        </select>
      </label>
      <FormProvider {...form}>
        <form className="fd-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {status.hasPin ? (
            <TextField
              name="currentPin"
              label="Current PIN"
              type="password"
              inputMode="numeric"
              autoComplete="off"
            />
          ) : null}
          <TextField
            name="pin"
            label={status.hasPin ? 'New PIN' : 'PIN'}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            hint="4 to 12 digits."
          />
          <FormMessage message={message?.text ?? null} kind={message?.kind ?? 'error'} />
          <div className="fd-form__actions">
            <Button type="submit">{status.hasPin ? 'Change PIN' : 'Set PIN'}</Button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
