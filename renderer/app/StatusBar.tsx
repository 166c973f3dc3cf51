import type { SyncStatus } from '../../shared/contract';
import { practiceClock } from './format';

/**
 * The desk's vital signs, always in view: online, slow or not reachable, when the book was last
 * synced, the API calls this workstation spent this hour against its cap, and edits waiting in
 * the outbox.
 */
export function StatusBar({
  status,
  zone,
  hour12,
}: {
  status: SyncStatus | null;
  zone: string | null;
  /** The desk's clock (Settings, else the practice's country). */
  hour12: boolean;
}) {
  if (!status) return <footer className="fd-statusbar" aria-label="Status" />;
  const synced = practiceClock(status.lastSyncedAt, zone, hour12);
  const slow = status.connection === 'online' && status.slowSince != null;
  const connection =
    status.connection === 'online'
      ? slow
        ? 'Slow connection…'
        : 'Online'
      : status.connection === 'offline'
        ? 'Offline'
        : 'Signed out';
  const connClass = slow ? 'slow' : status.connection;
  const waiting = status.pendingEdits + status.conflicts + status.needsAttention;
  return (
    <footer className="fd-statusbar" aria-label="Status">
      <span
        className={`fd-statusbar__item fd-statusbar__conn fd-statusbar__conn--${connClass}`}
        title={
          slow
            ? 'drchrono has taken more than 10 seconds to answer; Frontdesk keeps waiting and says so if it cannot be reached.'
            : undefined
        }
      >
        {connection}
        {status.connection === 'offline' && synced ? `, last synced ${synced}` : ''}
      </span>
      {status.connection !== 'offline' ? (
        <span className="fd-statusbar__item">
          {synced ? `Last synced ${synced}` : 'Not synced yet'}
        </span>
      ) : null}
      <span
        className="fd-statusbar__item"
        title="API calls this workstation made this hour, of its share of the practice's hourly quota"
      >
        API calls this hour: {status.callsThisHour} of {status.hourlyCap}
      </span>
      <span className="fd-statusbar__item">
        {waiting === 0
          ? 'All changes sent'
          : `${status.pendingEdits} pending${status.conflicts ? `, ${status.conflicts} conflicts` : ''}${
              status.needsAttention ? `, ${status.needsAttention} need attention` : ''
            }`}
      </span>
      {status.throttledUntil !== null ? (
        <span className="fd-statusbar__item fd-statusbar__warn">
          drchrono asked to wait until {practiceClock(status.throttledUntil, zone, hour12)}
        </span>
      ) : null}
      {status.cache === 'memory-only' ? (
        <span className="fd-statusbar__item">Not kept offline</span>
      ) : null}
      {status.message ? <span className="fd-statusbar__item">{status.message}</span> : null}
    </footer>
  );
}
