import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PatientDetail } from './PatientDetail';
import { patient } from './testing/fixtures';
import { renderRecords } from './testing/render';

async function openPrimaryCard() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Insurance' }));
  await userEvent.click(screen.getByRole('button', { name: 'Edit primary insurance' }));
  return screen.findByRole('dialog', { name: /Primary insurance/ });
}

describe('insurance', () => {
  it('removes a card after a confirmation that repeats the billing warning', async () => {
    const { callsTo } = renderRecords(<PatientDetail patientId={42} />, {
      'patients:update': () => ({ ok: true, value: { patient, state: 'saved' } }),
    });
    const dialog = await openPrimaryCard();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove card' }));
    const ask = await screen.findByRole('dialog', { name: 'Remove the primary insurance?' });
    expect(ask.textContent).toContain('unbillable');
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep the card' }));
    expect(callsTo('patients:update')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove card' }));
    await userEvent.click(
      within(
        await screen.findByRole('dialog', { name: 'Remove the primary insurance?' }),
      ).getByRole('button', { name: 'Remove card' }),
    );
    await waitFor(() => {
      expect(callsTo('patients:update')).toHaveLength(1);
    });
    expect(callsTo('patients:update')[0]?.request).toMatchObject({
      id: 42,
      changes: { primary_insurance: { remove: true } },
    });
  });

  it('warns that changing insurance may make past appointments unbillable', async () => {
    renderRecords(<PatientDetail patientId={42} />);
    const dialog = await openPrimaryCard();
    expect(within(dialog).getByText(/may make past appointments unbillable/)).toBeTruthy();
  });

  it('picks the payer from drchrono’s list and sends only this card', async () => {
    const { callsTo } = renderRecords(<PatientDetail patientId={42} />, {
      'insurances:search': ({ payerType, term }) => ({
        ok: true,
        value:
          payerType === 'gateway' && term === 'united'
            ? [{ payer_name: 'UnitedHealthcare', payer_id: '87726', state: 'MN' }]
            : [],
      }),
      'patients:update': () => ({ ok: true, value: { patient, state: 'saved' } }),
    });
    const dialog = await openPrimaryCard();
    await userEvent.selectOptions(within(dialog).getByLabelText('Payer list'), 'gateway');
    await userEvent.type(within(dialog).getByLabelText('Payer name, ID or state'), 'united{Enter}');
    await userEvent.click(
      await within(dialog).findByRole('button', { name: /UnitedHealthcare · 87726/ }),
    );
    expect(within(dialog).getByLabelText<HTMLInputElement>('Insurance company').value).toBe(
      'UnitedHealthcare',
    );
    const member = within(dialog).getByLabelText(/Member ID/);
    await userEvent.clear(member);
    await userEvent.type(member, 'U998877');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save insurance' }));

    await waitFor(() => {
      expect(callsTo('patients:update')).toHaveLength(1);
    });
    const request = callsTo('patients:update')[0]?.request as {
      changes: Record<string, unknown>;
      base: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(request.changes)).toEqual(['primary_insurance']);
    expect(request.changes.primary_insurance).toMatchObject({
      insurance_company: 'UnitedHealthcare',
      insurance_payer_id: '87726',
      insurance_id_number: 'U998877',
      insurance_group_number: 'G100',
    });
    expect(request.base.primary_insurance).toMatchObject({
      insurance_company: 'Aetna',
      insurance_id_number: 'W123456789',
    });
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: /Primary insurance/ })).toBeNull();
    });
  });

  it('requires a member ID before anything is sent', async () => {
    const { callsTo } = renderRecords(<PatientDetail patientId={42} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Insurance' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add secondary insurance' }));
    const dialog = await screen.findByRole('dialog', { name: /Secondary insurance/ });
    await userEvent.type(within(dialog).getByLabelText('Insurance company'), 'Medicare');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save insurance' }));
    expect(await within(dialog).findByText('Member ID is required')).toBeTruthy();
    expect(callsTo('patients:update')).toHaveLength(0);
  });

  it('closing with unsaved changes asks first (Escape or ✕)', async () => {
    renderRecords(<PatientDetail patientId={42} />);
    const dialog = await openPrimaryCard();
    await userEvent.type(within(dialog).getByLabelText('Group name'), 'Teachers');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const ask = await screen.findByRole('dialog', { name: 'Discard changes?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: /Primary insurance/ })).toBeNull();
    });
  });
});
