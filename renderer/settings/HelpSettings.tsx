import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { Button, ErrorNotice, Notice } from '../ui';
import { copyText, withWindowInfo } from './copy-text';

type Step =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'failed'; error: AppError }
  | { step: 'done'; text: string; lines: number; copied: boolean };

/**
 * Settings → Help: "Copy diagnostic report" for a support request. Main builds it from the
 * diagnostic log (no patient data by construction); the window adds its browser version and puts
 * it on the clipboard, or, when the clipboard is refused, shows it selected to copy by hand.
 */
export function HelpSettings() {
  const api = useFrontdesk();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const manual = useRef<HTMLTextAreaElement>(null);

  async function copy(): Promise<void> {
    setState({ step: 'working' });
    const reply = await api.diagnostics.report({});
    if (!reply.ok) {
      setState({ step: 'failed', error: reply.error });
      return;
    }
    const text = withWindowInfo(reply.value.text, navigator.userAgent);
    setState({ step: 'done', text, lines: reply.value.logLines, copied: await copyText(text) });
  }

  const refused = state.step === 'done' && !state.copied;
  useEffect(() => {
    if (!refused) return;
    manual.current?.focus();
    manual.current?.select();
  }, [refused]);

  return (
    <section className="fd-help-settings" aria-labelledby="help-settings-title">
      <h2 id="help-settings-title">Help</h2>
      <p>
        When something does not work, copy the diagnostic report and paste it into your message to
        whoever supports Frontdesk at your practice. It says which version runs here, how it
        connects to drchrono and which drchrono requests failed and why. It holds no patient
        information: requests are written down without names, dates or record numbers.
      </p>
      <div className="fd-form__actions">
        <Button onClick={() => void copy()} disabled={state.step === 'working'}>
          {state.step === 'working' ? 'Preparing the report…' : 'Copy diagnostic report'}
        </Button>
      </div>
      {state.step === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.step === 'done' && state.copied ? (
        <Notice kind="success">
          Copied: versions, connection, failed requests and the last {state.lines} log lines. Paste
          it into your message.
        </Notice>
      ) : null}
      {refused ? (
        <Notice kind="warning">
          This window may not use the clipboard. The report is selected below: press Ctrl+C (⌘C on a
          Mac) to copy it.
        </Notice>
      ) : null}
      {state.step === 'done' ? (
        <details className="fd-help-settings__report" open={refused}>
          <summary>{refused ? 'Diagnostic report' : 'See what was copied'}</summary>
          <textarea
            ref={manual}
            className="fd-input fd-mono"
            aria-label="Diagnostic report"
            readOnly
            rows={14}
            value={state.text}
          />
        </details>
      ) : null}
    </section>
  );
}
