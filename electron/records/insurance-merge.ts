import { insuranceSlots, type Patient, type PatientChanges } from '../../shared/drchrono';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The PATCH body for a patient edit. drchrono replaces a nested object as a whole, and the form
 * only knows some of an insurance card's keys (the format is behind a link the reference does not
 * include): each changed insurance is laid over the card the server holds now, so the keys the
 * desk never showed survive. Custom demographics are merged the same way, entry by `field_type`.
 */
export function patientPatchBody(changes: PatientChanges, current: Patient | null): Json {
  const body: Json = { ...changes };
  for (const slot of insuranceSlots) {
    const changed = changes[slot];
    if (changed === undefined) continue;
    const now: unknown = current?.[slot];
    body[slot] =
      'remove' in changed
        ? emptyCard(isRecord(now) ? now : {})
        : withNullDates({ ...(isRecord(now) ? now : {}), ...changed });
  }
  if (changes.custom_demographics !== undefined) {
    body.custom_demographics = mergeCustomDemographics(
      current?.custom_demographics ?? [],
      changes.custom_demographics,
    );
  }
  return body;
}

/**
 * A slot with no card, as drchrono shows an empty one: every key of the card it holds blanked
 * (texts empty, photos and dates null), the subscriber back to the patient.
 */
function emptyCard(card: Json): Json {
  const empty: Json = {
    insurance_company: '',
    insurance_payer_id: '',
    insurance_id_number: '',
    is_subscriber_the_patient: true,
  };
  for (const [key, value] of Object.entries(card)) {
    if (key === 'is_subscriber_the_patient') continue;
    empty[key] = typeof value === 'string' && !/date|photo/.test(key) ? '' : null;
  }
  return empty;
}

/** A card's dates as drchrono takes them: a blank one ("" in some answers) goes back as null. */
function withNullDates(card: Json): Json {
  const out: Json = { ...card };
  for (const [key, value] of Object.entries(out))
    if (/date/.test(key) && value === '') out[key] = null;
  return out;
}

/** Whether a patient edit touches a nested value that must be merged with the server's. */
export function needsMerge(changes: PatientChanges): boolean {
  return (
    insuranceSlots.some((slot) => changes[slot] !== undefined) ||
    changes.custom_demographics !== undefined
  );
}

function mergeCustomDemographics(
  current: readonly Json[],
  changed: readonly { field_type: number; value: string }[],
): Json[] {
  const byType = new Map<number, { field_type: number; value: string }>(
    changed.map((entry) => [entry.field_type, entry]),
  );
  const merged = current.map((entry) => {
    const mine = typeof entry.field_type === 'number' ? byType.get(entry.field_type) : undefined;
    if (!mine) return entry;
    byType.delete(mine.field_type);
    return { ...entry, ...mine };
  });
  return [...merged, ...byType.values()];
}
