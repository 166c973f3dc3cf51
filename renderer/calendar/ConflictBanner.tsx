import type { Office } from '../../shared/drchrono';
import type { Slot } from '../../shared/result';
import { Button, Notice } from '../ui';
import { NearestSlots } from './NearestSlots';
import type { ClashNotice } from './useAppointmentActions';

/** A refused move, named, with the free slots nearby (one click moves it there). */
export function ConflictBanner({
  clash,
  office,
  onMoveTo,
  onDismiss,
}: {
  clash: ClashNotice;
  office: Office | undefined;
  onMoveTo: ((slot: Slot) => void) | null;
  onDismiss: () => void;
}) {
  return (
    <div className="fdc-banner">
      <Notice kind="error">
        <div className="fdc-banner__row">
          <p className="fdc-notice-text">{clash.message}</p>
          <Button size="small" variant="ghost" aria-label="Dismiss" onClick={onDismiss}>
            ✕
          </Button>
        </div>
        {onMoveTo ? (
          <NearestSlots
            slots={clash.nearestFree}
            office={office}
            onPick={onMoveTo}
            verb="Move to"
          />
        ) : null}
      </Notice>
    </div>
  );
}
