import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract';
import { StatusBar } from './StatusBar';

const online: SyncStatus = {
  connection: 'online',
  slowSince: null,
  lastSyncedAt: Date.UTC(2026, 10, 24, 15, 2),
  callsThisHour: 12,
  hourlyCap: 150,
  throttledUntil: null,
  pendingEdits: 0,
  conflicts: 0,
  needsAttention: 0,
  cache: 'encrypted',
  message: null,
};

describe('the status bar’s connection', () => {
  it('says Online, Slow connection… or Offline, as the engine reports it', () => {
    const zone = 'America/New_York';
    const { rerender } = render(<StatusBar status={online} zone={zone} hour12={false} />);
    const bar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(bar.textContent).toContain('Online');
    rerender(
      <StatusBar
        status={{ ...online, slowSince: Date.UTC(2026, 10, 24, 15, 3) }}
        zone={zone}
        hour12={false}
      />,
    );
    expect(bar.textContent).toContain('Slow connection…');
    expect(bar.textContent).not.toContain('Online');
    rerender(
      <StatusBar
        status={{
          ...online,
          connection: 'offline',
          message:
            'drchrono cannot be reached: showing the saved schedule; changes wait in the outbox.',
        }}
        zone={zone}
        hour12={false}
      />,
    );
    expect(bar.textContent).toMatch(/Offline, last synced 10:02/);
    expect(bar.textContent).toContain('drchrono cannot be reached');
    // A 12-hour desk reads the same moment its own way.
    rerender(<StatusBar status={{ ...online, connection: 'offline' }} zone={zone} hour12 />);
    expect(bar.textContent).toMatch(/Offline, last synced 10:02 AM/);
  });
});
