import { z } from 'zod';
import { patientWritable, type PatientWritable } from '../../shared/drchrono';
import { parseBirthDate } from '../../shared/time/birth-date';

/**
 * A walk-in's new patient, made from the booking dialog: what drchrono requires on create (the
 * primary provider `doctor` and `gender`, with first and last name, which the desk's contract
 * requires) and what this practice requires of every chart, a date of birth to tell patients with
 * the same name apart. A cell phone is asked for and may stay empty. Everything else is added later
 * in the patient's record.
 */

/** Fields a 400 from drchrono may name, so its message lands next to the right box. */
export const walkInFields = [
  'first_name',
  'last_name',
  'gender',
  'doctor',
  'date_of_birth',
  'cell_phone',
] as const;

export function walkInSchema(today: string) {
  return patientWritable
    .pick({ first_name: true, last_name: true, gender: true, doctor: true, cell_phone: true })
    .extend({
      gender: z.enum(['Male', 'Female', 'Other'], 'Choose Male, Female or Other'),
      date_of_birth: z
        .string()
        .trim()
        .min(1, 'Date of birth is required')
        .transform((typed, ctx) => {
          const date = parseBirthDate(typed);
          if (date === null) {
            ctx.addIssue({ code: 'custom', message: 'Type the date of birth like 07/15/1985' });
            return z.NEVER;
          }
          if (date > today) {
            ctx.addIssue({ code: 'custom', message: 'The date of birth is in the future' });
            return z.NEVER;
          }
          return date;
        }),
    });
}
export type WalkInSchema = ReturnType<typeof walkInSchema>;
export type WalkInInput = z.input<WalkInSchema>;
export type WalkInOutput = z.output<WalkInSchema>;

/**
 * What the desk already typed in the patient search fills the matching boxes: "Marisol Quispe" or
 * "Quispe, Marisol" the names, a phone number the cell phone, a date the date of birth.
 */
export function walkInDefaults(typed: string, doctor: number | null): WalkInInput {
  const text = typed.trim();
  const values: WalkInInput = {
    first_name: '',
    last_name: '',
    gender: '' as never,
    doctor: doctor ?? (undefined as never),
    date_of_birth: '',
    cell_phone: '',
  };
  if (text === '') return values;
  if (parseBirthDate(text)) return { ...values, date_of_birth: text };
  if (/^[\d\s().+-]+$/.test(text)) {
    return text.replace(/\D/g, '').length >= 7 ? { ...values, cell_phone: text } : values;
  }
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2);
    return { ...values, last_name: last.trim(), first_name: first.trim() };
  }
  const words = text.split(/\s+/);
  if (words.length === 1) return { ...values, last_name: text };
  return { ...values, first_name: words[0] ?? '', last_name: words.slice(1).join(' ') };
}

/** The POST body: drchrono's required keys, and the phone only when one was typed. */
export function walkInPayload(values: WalkInOutput): PatientWritable {
  return {
    first_name: values.first_name,
    last_name: values.last_name,
    gender: values.gender,
    doctor: values.doctor,
    date_of_birth: values.date_of_birth,
    ...(values.cell_phone ? { cell_phone: values.cell_phone } : {}),
  };
}
