import { useState } from 'react';
import type { AuthStatus } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { Button, ErrorNotice, Notice } from '../ui';
import { ConnectionSettings } from '../settings/ConnectionSettings';
import { followAuthorizeUrl } from './open-authorize-page';
import { signInFailureTitle } from './sign-in-messages';

/**
 * The first screen: connect to the practice's drchrono account (or the demo practice when no
 * account is configured). Every failure (consent denied, a wrong secret, drchrono unreachable)
 * says what happened and offers the same button again.
 */
export function SignInScreen({ auth, mode }: { auth: AuthStatus; mode: 'demo' | 'drchrono' }) {
  const api = useFrontdesk();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<AppError | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const error = startError ?? auth.lastError;
  const waiting = auth.state === 'signing-in';

  async function signIn(): Promise<void> {
    setStarting(true);
    setStartError(null);
    const reply = await api.auth.signIn({});
    setStarting(false);
    if (!reply.ok) {
      setStartError(reply.error);
      return;
    }
    followAuthorizeUrl(reply.value);
  }

  return (
    <main className="fd-signin">
      <section className="fd-signin__card" aria-labelledby="signin-title">
        <h1 id="signin-title">Frontdesk</h1>
        <p className="fd-muted">The day book for your practice’s front desk, on drchrono.</p>
        {mode === 'demo' ? (
          <Notice kind="info" live={false}>
            <strong>Demo practice.</strong> No drchrono account is set up, so Frontdesk runs a
            built-in practice with made-up patients. Nothing you do here reaches drchrono. To work
            with your practice’s schedule, open <em>Connection settings</em> below.
          </Notice>
        ) : null}
        {error ? (
          <div className="fd-signin__error">
            <h2>{signInFailureTitle(error)}</h2>
            <ErrorNotice error={error} onRetry={() => void signIn()} />
          </div>
        ) : null}
        {waiting ? (
          <div className="fd-signin__waiting">
            <Notice kind="info">
              Waiting for drchrono… Finish signing in on the drchrono page that opened.
            </Notice>
            <Button onClick={() => void api.auth.cancel({})}>Cancel sign-in</Button>
          </div>
        ) : null}
        <div className="fd-signin__actions">
          <Button variant="primary" disabled={starting} onClick={() => void signIn()}>
            {mode === 'demo' ? 'Connect to drchrono (demo practice)' : 'Connect to drchrono'}
          </Button>
          <Button
            variant="ghost"
            aria-expanded={showSettings}
            aria-controls="signin-connection"
            onClick={() => {
              setShowSettings((shown) => !shown);
            }}
          >
            Connection settings
          </Button>
        </div>
        {showSettings ? (
          <div id="signin-connection">
            <ConnectionSettings />
          </div>
        ) : null}
      </section>
    </main>
  );
}
