import { useState } from 'react';
import { Button, Notice } from '../ui';

/**
 * What start-up had to reset because its file was damaged (settings, the connection, the PIN),
 * one sentence each, until the user has read it.
 */
export function StartupNotices({ notices }: { notices: readonly string[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (notices.length === 0 || dismissed) return null;
  return (
    <aside className="fd-banner" aria-label="Reset at start-up">
      <Notice kind="warning">
        {notices.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        <Button
          variant="ghost"
          size="small"
          onClick={() => {
            setDismissed(true);
          }}
        >
          Dismiss
        </Button>
      </Notice>
    </aside>
  );
}
