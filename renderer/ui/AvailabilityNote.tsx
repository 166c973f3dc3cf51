import type { ListAvailability } from '../../shared/contract';
import { ErrorDetails } from './ErrorDetails';
import { Notice } from './Notice';

/**
 * The one line a control shows when the list behind it is not (fully) there: refused by drchrono,
 * missing, unreadable, or with records left out. Nothing when the list loaded in full. Quiet
 * (`info`): the rest of the screen works and nothing needs doing at the desk.
 */
export function AvailabilityNote({
  availability,
}: {
  availability: ListAvailability | null | undefined;
}) {
  if (!availability?.reason) return null;
  return (
    <Notice kind={availability.state === 'available' ? 'warning' : 'info'} live={false}>
      <p className="fd-availability-note">{availability.reason}</p>
      <ErrorDetails detail={availability.detail ?? undefined} />
    </Notice>
  );
}
