import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import type { LockStatus } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { applyServerError, FormMessage, TextField, useZodForm } from '../forms';
import { Button, ErrorNotice } from '../ui';
import { followAuthorizeUrl } from '../app/open-authorize-page';
import { unlockFormSchema } from './pin-form';
import { useLockedSignOut } from './useLockedSignOut';

/**
 * Shown instead of everything else while Frontdesk is locked: no patient data is mounted behind
 * it. Unlocking needs the user: the desk's PIN, or signing in to drchrono again.
 */
export function LockScreen({ status }: { status: LockStatus }) {
  const api = useFrontdesk();
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Checked on Unlock only: the PIN field has focus, and a message appearing when focus leaves it
  // (to press Sign out or Sign in) moved those buttons from under the pointer mid-click.
  const form = useZodForm(unlockFormSchema, { pin: '' }, 'onSubmit');

  const onSubmit = form.handleSubmit(async ({ pin }) => {
    setMessage(null);
    const reply = await api.lock.unlock({ pin });
    form.resetField('pin', { defaultValue: '' });
    if (!reply.ok) setMessage(applyServerError(form.setError, reply.error, ['pin']));
  });

  async function signInAgain(): Promise<void> {
    setError(null);
    const reply = await api.lock.signInToUnlock({});
    if (!reply.ok) setError(reply.error);
    else followAuthorizeUrl(reply.value);
  }
  const signOut = useLockedSignOut(signInAgain);

  return (
    <main className="fd-lock" aria-labelledby="lock-title">
      <section className="fd-lock__card">
        <h1 id="lock-title">Frontdesk is locked</h1>
        <p className="fd-muted">
          Patient information is hidden
          {status.idleMinutes
            ? ` after ${status.idleMinutes} idle minutes or when you lock it`
            : ''}
          .
        </p>
        {status.hasPin ? (
          <FormProvider {...form}>
            <form className="fd-form" noValidate onSubmit={(event) => void onSubmit(event)}>
              <TextField
                name="pin"
                label="PIN"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
              />
              <FormMessage message={message} />
              <div className="fd-form__actions">
                <Button type="submit" variant="primary">
                  Unlock
                </Button>
              </div>
            </form>
          </FormProvider>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="fd-lock__actions">
          <Button
            variant={status.hasPin ? 'secondary' : 'primary'}
            onClick={() => void signInAgain()}
          >
            Sign in to drchrono to unlock
          </Button>
          <Button variant="ghost" onClick={() => void signOut()}>
            Sign out
          </Button>
        </div>
      </section>
    </main>
  );
}
