import type { Result } from '../../shared/result';
import type { EditOutcome, NewEdit, Services } from '../app/services';
import { explained, type RecordArea } from './errors';

/**
 * Every record edit goes through the outbox: durable first, then sent. A definite refusal comes
 * back as an error (in plain words for the area); network trouble comes back `queued`.
 */
export async function submitEdit(
  services: Pick<Services, 'edits'>,
  edit: NewEdit,
  area: RecordArea,
): Promise<Result<EditOutcome>> {
  const outcome = await services.edits.submit(edit);
  return outcome.ok ? outcome : explained(outcome.error, area);
}

/** "cell_phone" → "cell phone", for outbox summaries. */
export function fieldWords(fields: readonly string[]): string {
  const words = fields.map((f) => f.replace(/_/g, ' '));
  if (words.length <= 3) return words.join(', ');
  return `${words.slice(0, 3).join(', ')} and ${words.length - 3} more`;
}
