import { z } from 'zod';
import { lineItemWritable } from '../../shared/drchrono';

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * The contract's `lineItemWritable`, read from the form's boxes: four modifier boxes and four
 * diagnosis pointer boxes become lists without the empty ones; a pointer of digits is a number
 * (1–12, the claim's diagnosis order), anything else an ICD code.
 */
export const lineItemFormSchema = lineItemWritable.extend({
  quantity: z.preprocess((v) => (filled(v) ? v : undefined), lineItemWritable.shape.quantity),
  service_date: z.preprocess(
    (v) => (filled(v) ? v : undefined),
    lineItemWritable.shape.service_date,
  ),
  modifiers: z.preprocess(
    (v) => (Array.isArray(v) ? v.filter(filled).map((m: string) => m.trim().toUpperCase()) : v),
    lineItemWritable.shape.modifiers,
  ),
  diagnosis_pointers: z.preprocess(
    (v) =>
      Array.isArray(v)
        ? v.filter(filled).map((p: string) => (/^\d+$/.test(p.trim()) ? Number(p) : p.trim()))
        : v,
    lineItemWritable.shape.diagnosis_pointers,
  ),
});

export const lineItemFields = Object.keys(lineItemWritable.shape);
