import { useState } from 'react';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { Button, ErrorNotice, Spinner } from '../ui';

const restartPolls = 60;

/**
 * Shown instead of the app when the key that opens the saved data is damaged or gone: what
 * happened, that nothing was deleted, and one way forward that loses nothing for good.
 */
export function DamagedKeyScreen({ problem }: { problem: string }) {
  const api = useFrontdesk();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function startFresh(): Promise<void> {
    setWorking(true);
    setError(null);
    const reply = await api.app.startFresh({});
    if (!reply.ok) {
      setError(reply.error);
      setWorking(false);
      return;
    }
    // The host starts its services again; come back once they answer without the problem.
    for (let poll = 0; poll < restartPolls; poll++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const info = await api.app.info({});
      if (info.ok && !info.value.keyProblem) {
        window.location.reload();
        return;
      }
    }
    setError({
      code: 'internal',
      message: 'Frontdesk did not come back after starting fresh. Close it and start it again.',
    });
    setWorking(false);
  }

  return (
    <main className="fd-lock" aria-labelledby="key-problem-title">
      <section className="fd-lock__card">
        <h1 id="key-problem-title">Frontdesk cannot open its saved data</h1>
        <p>{problem}</p>
        <p>
          The key that protects the saved data (kept by this computer’s key store, or in the key
          file next to the data) was changed or damaged. Nothing has been deleted, and nothing is
          saved until you choose.
        </p>
        <p>
          Starting fresh moves the saved data aside, unsent edits included: they stay on this
          computer, readable again if the old key comes back. You then sign in to drchrono again and
          the schedule is fetched again.
        </p>
        {error ? <ErrorNotice error={error} /> : null}
        {working ? <Spinner label="Starting fresh" /> : null}
        <div className="fd-lock__actions">
          <Button variant="primary" disabled={working} onClick={() => void startFresh()}>
            Start fresh (the unsent edits are kept aside)
          </Button>
        </div>
      </section>
    </main>
  );
}
