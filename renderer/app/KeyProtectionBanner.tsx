import type { AppInfo } from '../../shared/contract';

/**
 * Always on screen while the data key is not protected by the OS key store: one line that says so,
 * which opens on the full explanation (a line, not a block, so the day still fits the window).
 */
export function KeyProtectionBanner({ storage }: { storage: AppInfo['storage'] }) {
  if (!storage.warning) return null;
  return (
    <aside className="fd-banner" aria-label="Data protection">
      <details className="fd-notice fd-notice--warning fd-banner__details">
        <summary>
          <strong>
            {storage.phiOnDisk ? 'Key protection: ' : 'Nothing is saved on this computer: '}
          </strong>
          {storage.warning}
        </summary>
      </details>
    </aside>
  );
}
