import type { AppInfo } from '../../shared/contract';
import { Notice } from '../ui';

/** Always visible while the data key is not protected by the OS key store, and says what follows. */
export function KeyProtectionBanner({ storage }: { storage: AppInfo['storage'] }) {
  if (!storage.warning) return null;
  return (
    <aside className="fd-banner" aria-label="Data protection">
      <Notice kind="warning" live={false}>
        <strong>
          {storage.phiOnDisk ? 'Key protection: ' : 'Nothing is saved on this computer: '}
        </strong>
        {storage.warning}
      </Notice>
    </aside>
  );
}
