import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { allergySchema } from '../../shared/drchrono';
import { renderRecords } from '../patients/testing/render';
import { ClinicalPanel } from './ClinicalPanel';

const allergies = [
  allergySchema.parse({
    id: 1,
    patient: 42,
    doctor: 7,
    description: 'Penicillin',
    reaction: 'Hives',
    status: 'active',
  }),
  allergySchema.parse({ id: 2, patient: 42, doctor: 7, description: 'Latex', status: 'inactive' }),
];

function panel() {
  return (
    <ClinicalPanel kind="allergies" patientId={42} doctorId={7} patientName="Marisol Quispe" />
  );
}

describe('allergies at the desk', () => {
  it('says drchrono has no delete, and offers “mark inactive” instead', async () => {
    const { callsTo } = renderRecords(panel(), {
      'clinical:list': () => ({ ok: true, value: { kind: 'allergies', records: allergies } }),
      'clinical:update': () => ({ ok: true, value: { state: 'saved' } }),
    });
    expect(await screen.findByText(/drchrono has no delete for allergies/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /delete/i })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Mark inactive: Penicillin' }));
    const ask = await screen.findByRole('dialog', { name: /Mark inactive: Penicillin/ });
    await userEvent.click(within(ask).getByRole('button', { name: 'Mark inactive' }));
    await waitFor(() => {
      expect(callsTo('clinical:update')).toHaveLength(1);
    });
    expect(callsTo('clinical:update')[0]?.request).toEqual({
      kind: 'allergies',
      id: 1,
      changes: { status: 'inactive' },
      base: { status: 'active' },
    });
  });

  it('adds an allergy after checking it, owned by the patient’s provider', async () => {
    const { callsTo } = renderRecords(panel(), {
      'clinical:create': ({ kind }) =>
        ({ ok: true, value: { result: null, state: 'saved' }, kind }) as never,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add allergy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add allergy' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add allergy' }));
    expect(await within(dialog).findByText('Describe the allergy, e.g. Penicillin')).toBeTruthy();
    expect(callsTo('clinical:create')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText(/Allergy/), 'Sulfa drugs');
    await userEvent.type(within(dialog).getByLabelText('Reaction'), 'Rash');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add allergy' }));
    await waitFor(() => {
      expect(callsTo('clinical:create')).toHaveLength(1);
    });
    expect(callsTo('clinical:create')[0]?.request).toEqual({
      kind: 'allergies',
      record: {
        patient: 42,
        doctor: 7,
        description: 'Sulfa drugs',
        reaction: 'Rash',
        status: 'active',
      },
    });
  });

  it('edits with a PATCH of the changed fields only', async () => {
    const { callsTo } = renderRecords(panel(), {
      'clinical:list': () => ({ ok: true, value: { kind: 'allergies', records: allergies } }),
      'clinical:update': () => ({ ok: true, value: { state: 'queued' } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Penicillin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit allergy' });
    const reaction = within(dialog).getByLabelText('Reaction');
    await userEvent.clear(reaction);
    await userEvent.type(reaction, 'Anaphylaxis');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(callsTo('clinical:update')).toHaveLength(1);
    });
    expect(callsTo('clinical:update')[0]?.request).toEqual({
      kind: 'allergies',
      id: 1,
      changes: { reaction: 'Anaphylaxis' },
      base: { reaction: 'Hives' },
    });
    expect(await screen.findByText(/Saved on this computer/)).toBeTruthy();
  });

  it('shows the records that could be read and says how many could not', async () => {
    renderRecords(panel(), {
      'clinical:list': () => ({
        ok: true,
        value: { kind: 'allergies', records: allergies, skipped: 2 },
      }),
    });
    expect(await screen.findByText('Penicillin')).toBeTruthy();
    expect(
      screen.getByText('2 allergies could not be read and are left out; the others are shown.'),
    ).toBeTruthy();
  });

  it('a refusal names the permission, with nothing to retry or add', async () => {
    renderRecords(panel(), {
      'clinical:list': () => ({
        ok: false,
        error: {
          code: 'forbidden',
          message:
            'drchrono did not allow this: the signed-in account may not use allergies, medications and problems. Ask your practice admin to grant Access Clinical Notes to this drchrono account.',
          status: 403,
          detail:
            'GET /api/allergies?… → 403 · needs scope clinical:read · permission “Access Clinical Notes”',
        },
      }),
    });
    expect(await screen.findByText(/grant Access Clinical Notes/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add allergy' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
