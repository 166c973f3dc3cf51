import type { Office } from '../../shared/drchrono';
import type { Slot } from '../../shared/result';
import { formatClockRange, roomName } from '../../shared/schedule';
import { Button } from '../ui';
import { useDeskLocale } from './useDeskLocale';

/** The nearest free slots of a refused booking or move, each one click away. */
export function NearestSlots({
  slots,
  office,
  onPick,
  verb = 'Use',
}: {
  slots: readonly Slot[];
  office: Office | undefined;
  onPick: (slot: Slot) => void;
  verb?: string;
}) {
  const { hour12 } = useDeskLocale();
  if (slots.length === 0) {
    return (
      <p className="fdc-notice-text">No free slot of that length is left in that room that day.</p>
    );
  }
  return (
    <div className="fdc-slots" role="group" aria-label="Nearest free slots">
      <span>Free nearby:</span>
      {slots.map((slot) => (
        <Button
          key={`${slot.start}-${slot.examRoom}`}
          size="small"
          onClick={() => {
            onPick(slot);
          }}
        >
          {verb} {formatClockRange(slot.start, slot.end, hour12)}, {roomName(office, slot.examRoom)}
        </Button>
      ))}
    </div>
  );
}
