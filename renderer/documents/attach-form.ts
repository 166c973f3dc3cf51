import { z } from 'zod';
import { isoDate } from '../../shared/drchrono';

export const cardSides = ['front', 'back', 'both sides'] as const;

/** The fields of "Attach insurance card" (the file itself is chosen outside the form). */
export const attachFormSchema = z.strictObject({
  description: z.string().trim().min(1, 'Say what this is, e.g. Insurance card (front)').max(200),
  side: z.enum(cardSides),
  date: isoDate,
});
export type AttachFormInput = z.input<typeof attachFormSchema>;
export type AttachFormOutput = z.output<typeof attachFormSchema>;

/** drchrono metatags for a card scan: searchable in its chart. */
export function cardMetatags(side: AttachFormOutput['side']): string[] {
  return ['insurance-card', side === 'both sides' ? 'front-and-back' : side];
}
