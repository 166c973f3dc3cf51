import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import type { ConnectionSettings as Settings } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { applyServerError, FormMessage, TextField, useZodForm } from '../forms';
import { Button, ErrorNotice, Notice, Spinner, useConfirm } from '../ui';
import { apiManagementUrl, connectionFormSchema, toSaveRequest } from './connection-form';

/**
 * Where a practice connects Frontdesk to its own drchrono API application. The client secret goes
 * to main and is stored encrypted; this screen never receives it back, only whether one is stored.
 */
export function ConnectionSettings() {
  const query = useQuery('settings:getConnection', {});
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Spinner label="Loading the connection settings" />;
  return (
    <ConnectionForm
      key={JSON.stringify(query.data)}
      current={query.data}
      onChanged={query.reload}
    />
  );
}

function ConnectionForm({ current, onChanged }: { current: Settings; onChanged: () => void }) {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const form = useZodForm(connectionFormSchema, {
    clientId: current.source === 'demo' ? '' : current.clientId,
    clientSecret: '',
    redirectUri: current.redirectUri,
    baseUrl: current.source === 'demo' ? '' : current.baseUrl,
  });
  const fromEnvironment = current.source === 'environment';
  // The demo practice's secret is the sandbox's, not one the practice saved.
  const storedSecret = current.hasSecret && current.source !== 'demo';

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const reply = await api.settings.saveConnection(toSaveRequest(values));
    if (!reply.ok) {
      setMessage({
        kind: 'error',
        text: applyServerError(form.setError, reply.error, [
          'clientId',
          'clientSecret',
          'redirectUri',
          'baseUrl',
        ]),
      });
      return;
    }
    // The secret leaves the page as soon as main has it.
    form.resetField('clientSecret', { defaultValue: '' });
    setMessage({ kind: 'success', text: 'Saved. Sign in to connect with these settings.' });
    onChanged();
  });

  async function clear(): Promise<void> {
    const agreed = await confirm({
      title: 'Forget this connection?',
      message:
        'Frontdesk forgets the client ID and secret, signs out, and runs the demo practice again from its next start.',
      confirmLabel: 'Forget it',
      danger: true,
    });
    if (!agreed) return;
    await api.settings.clearConnection({});
    onChanged();
  }

  return (
    <section className="fd-connection" aria-labelledby="connection-title">
      <h2 id="connection-title">Connection to drchrono</h2>
      <p>
        Currently:{' '}
        <strong>
          {current.source === 'demo'
            ? 'the built-in demo practice'
            : `client ${current.clientId} at ${current.baseUrl}`}
        </strong>
        {storedSecret ? ' (a client secret is stored)' : ''}.
      </p>
      <details className="fd-connection__help" open={current.source === 'demo'}>
        <summary>How to register Frontdesk with drchrono</summary>
        <ol>
          <li>
            Sign in to drchrono as a practice administrator and open the API management page (
            <span className="fd-mono">{apiManagementUrl}</span>, under Account → API).
          </li>
          <li>
            Create a new application named “Frontdesk”. As its redirect URI, register exactly:{' '}
            <code className="fd-mono">{current.redirectUri}</code> (drchrono compares it letter for
            letter, including the port and the trailing path).
          </li>
          <li>
            A new application is in <strong>Test Mode</strong>: only accounts of your own practice
            group can authorize it, which is all Frontdesk needs. You do not have to submit it for
            review.
          </li>
          <li>
            Copy the application’s Client ID and Client Secret into the fields below. The secret is
            stored encrypted on this computer and is never shown again.
          </li>
        </ol>
      </details>
      {fromEnvironment ? (
        <Notice kind="info" live={false}>
          These settings come from environment variables (DRCHRONO_CLIENT_ID and friends) where
          Frontdesk was started; change them there.
        </Notice>
      ) : (
        <FormProvider {...form}>
          <form className="fd-form" noValidate onSubmit={(event) => void onSubmit(event)}>
            <TextField
              name="clientId"
              label="Client ID"
              required
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              name="clientSecret"
              label="Client secret"
              type="password"
              autoComplete="new-password"
              hint={storedSecret ? 'A secret is stored. Leave this empty to keep it.' : undefined}
              required={!storedSecret}
            />
            <TextField name="redirectUri" label="Redirect URI" required spellCheck={false} />
            <TextField
              name="baseUrl"
              label="drchrono address"
              placeholder="https://drchrono.com"
              hint="Leave empty for drchrono.com."
              spellCheck={false}
            />
            <FormMessage message={message?.text ?? null} kind={message?.kind ?? 'error'} />
            <div className="fd-form__actions">
              <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
                Save connection
              </Button>
              {current.source === 'settings' ? (
                <Button variant="ghost" onClick={() => void clear()}>
                  Forget this connection
                </Button>
              ) : null}
            </div>
          </form>
        </FormProvider>
      )}
    </section>
  );
}
