import { describe, expect, it } from 'vitest';
import { patientSchema } from '../../shared/drchrono';
import { needsMerge, patientPatchBody } from './insurance-merge';

const current = patientSchema.parse({
  id: 42,
  doctor: 7,
  first_name: 'Marisol',
  primary_insurance: {
    insurance_company: 'Aetna',
    insurance_payer_id: '60054',
    insurance_id_number: 'W100',
    photo_front: 'https://example.test/card-front.png',
    eligibility: { status: 'active', checked: '2026-11-01' },
  },
  custom_demographics: [
    { field_type: 1, value: 'Spanish interpreter', archived: false },
    { field_type: 2, value: 'Walk-in' },
  ],
});

describe('patient PATCH body', () => {
  it('takes a card off its slot by blanking every key of the card drchrono holds', () => {
    const body = patientPatchBody({ primary_insurance: { remove: true } }, current);
    expect(body).toEqual({
      primary_insurance: {
        insurance_company: '',
        insurance_payer_id: '',
        insurance_id_number: '',
        is_subscriber_the_patient: true,
        photo_front: null,
        eligibility: null,
      },
    });
    expect(needsMerge({ tertiary_insurance: { remove: true } })).toBe(true);
  });

  it('sends a card’s blank date back as null, not the "" some answers carry', () => {
    const held = patientSchema.parse({
      ...current,
      secondary_insurance: { insurance_company: 'Cigna', subscriber_date_of_birth: '' },
    });
    const body = patientPatchBody(
      {
        secondary_insurance: {
          insurance_company: 'Cigna',
          insurance_payer_id: '62308',
          insurance_id_number: 'C1',
        },
      },
      held,
    );
    expect(body.secondary_insurance).toMatchObject({ subscriber_date_of_birth: null });
  });

  it('lays a changed insurance over the server’s card, so keys the form never showed survive', () => {
    const body = patientPatchBody(
      {
        cell_phone: '555 0100',
        primary_insurance: {
          insurance_company: 'Aetna',
          insurance_payer_id: '60054',
          insurance_id_number: 'W200',
        },
      },
      current,
    );
    expect(body).toEqual({
      cell_phone: '555 0100',
      primary_insurance: {
        insurance_company: 'Aetna',
        insurance_payer_id: '60054',
        insurance_id_number: 'W200',
        photo_front: 'https://example.test/card-front.png',
        eligibility: { status: 'active', checked: '2026-11-01' },
      },
    });
  });

  it('starts a new card from nothing when the slot was empty, and leaves other slots alone', () => {
    const body = patientPatchBody(
      {
        secondary_insurance: {
          insurance_company: 'Medicare',
          insurance_payer_id: '00431',
          insurance_id_number: '1EG4',
        },
      },
      current,
    );
    expect(body).toEqual({
      secondary_insurance: {
        insurance_company: 'Medicare',
        insurance_payer_id: '00431',
        insurance_id_number: '1EG4',
      },
    });
    expect(body).not.toHaveProperty('primary_insurance');
  });

  it('merges custom demographics by field, keeping the other fields and their extra keys', () => {
    const body = patientPatchBody(
      {
        custom_demographics: [
          { field_type: 1, value: 'None' },
          { field_type: 9, value: 'x' },
        ],
      },
      current,
    );
    expect(body.custom_demographics).toEqual([
      { field_type: 1, value: 'None', archived: false },
      { field_type: 2, value: 'Walk-in' },
      { field_type: 9, value: 'x' },
    ]);
  });

  it('knows which edits need the server’s current record', () => {
    expect(needsMerge({ cell_phone: '1' })).toBe(false);
    expect(
      needsMerge({
        tertiary_insurance: {
          insurance_company: '',
          insurance_payer_id: '',
          insurance_id_number: 'A',
        },
      }),
    ).toBe(true);
    expect(needsMerge({ custom_demographics: [] })).toBe(true);
  });
});
