import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { lineItemSchema } from '../../shared/drchrono';
import { renderRecords } from '../patients/testing/render';
import { BillingScreen } from './BillingScreen';

const appointment = {
  id: '5001',
  doctor: 7,
  office: 1,
  exam_room: 2,
  patient: 42,
  scheduled_time: '2026-11-23T09:30:00',
  duration: 30,
  status: 'Checked In',
  reason: 'Follow-up',
  billing_status: 'Bill Insurance',
};

const billing: ResponseOf<'billing:appointment'> = {
  appointment,
  lineItems: [
    lineItemSchema.parse({
      id: 71,
      appointment: 5001,
      code: '99213',
      procedure_type: 'CPT(C)',
      description: 'Office visit',
      price: '125.00',
      quantity: '1.00',
      billed: '125.00',
      paid_total: '0.00',
      balance_pt: '25.00',
      balance_ins: '100.00',
      balance_total: '125.00',
      diagnosis_pointers: [1, null, null, null],
      modifiers: ['', '', '', ''],
    }),
  ],
  payments: [],
  transactions: [],
  totals: {
    billed: '125.00',
    paid: '0.00',
    balancePatient: '25.00',
    balanceInsurance: '100.00',
    balanceTotal: '125.00',
  },
};

function handlers() {
  return {
    'billing:appointment': () => ({ ok: true as const, value: billing }),
    'appointments:get': () => ({
      ok: true as const,
      value: {
        appointments: [appointment],
        patients: { '42': { id: 42, first_name: 'Marisol', last_name: 'Quispe' } },
        fetchedAt: 0,
        source: 'cache' as const,
      },
    }),
  };
}

describe('billing at the desk', () => {
  it('shows the totals the line items report', async () => {
    renderRecords(<BillingScreen appointmentId="5001" />, handlers());
    const totals = await screen.findByLabelText('Totals');
    expect(totals.textContent).toContain('Patient owes$25.00');
    expect(totals.textContent).toContain('Balance$125.00');
    expect(screen.getByRole('heading', { name: 'Billing — Marisol Quispe' })).toBeTruthy();
  });

  it('takes a copay against the line item: decimals as strings, the balance preview with big.js', async () => {
    const { callsTo } = renderRecords(<BillingScreen appointmentId="5001" />, {
      ...handlers(),
      'billing:addPayment': ({ payment }) => ({
        ok: true,
        value: { payment: { id: 9, ...payment, appointment: '5001' }, state: 'saved' },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    const dialog = await screen.findByRole('dialog', { name: /Take a payment/ });
    const amount = within(dialog).getByLabelText(/Amount/);
    // Prefilled with what the patient owes on the line.
    expect((amount as HTMLInputElement).value).toBe('25.00');
    await userEvent.clear(amount);
    await userEvent.type(amount, '10.10');
    expect(within(dialog).getByRole('status').textContent).toContain('$14.90');
    await userEvent.selectOptions(within(dialog).getByLabelText('Method'), 'CHCK');
    await userEvent.type(within(dialog).getByLabelText('Check or reference number'), '1042');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await waitFor(() => {
      expect(callsTo('billing:addPayment')).toHaveLength(1);
    });
    expect(callsTo('billing:addPayment')[0]?.request).toEqual({
      payment: {
        patient: 42,
        amount: '10.10',
        payment_method: 'CHCK',
        received_date: '2026-11-23',
        doctor: 7,
        trace_number: '1042',
        appointment: '5001',
        line_item: 71,
      },
    });
  });

  it('refuses a zero or malformed amount next to the field', async () => {
    const { callsTo } = renderRecords(<BillingScreen appointmentId="5001" />, handlers());
    await userEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    const dialog = await screen.findByRole('dialog', { name: /Take a payment/ });
    const amount = within(dialog).getByLabelText(/Amount/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '0.00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('The amount cannot be zero')).toBeTruthy();
    await userEvent.clear(amount);
    await userEvent.type(amount, '12.345');
    expect(await within(dialog).findByText('Enter an amount like 25 or 25.00')).toBeTruthy();
    expect(callsTo('billing:addPayment')).toHaveLength(0);
  });

  it('explains a 403 in plain words and keeps the form', async () => {
    renderRecords(<BillingScreen appointmentId="5001" />, {
      ...handlers(),
      'billing:addPayment': () => ({
        ok: false,
        error: {
          code: 'forbidden',
          status: 403,
          message:
            'drchrono did not allow this: the signed-in account may not use patient payments. Ask your practice admin to grant Access Billing, Show Billing Tab and Access Patients Payments to this drchrono account.',
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    const dialog = await screen.findByRole('dialog', { name: /Take a payment/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Ask your practice admin to grant Access Billing');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Amount/).value).toBe('25.00');
  });

  it('adds a line item with its modifiers and diagnosis pointers as lists of 4 and the appointment as a number', async () => {
    const { callsTo } = renderRecords(<BillingScreen appointmentId="5001" />, {
      ...handlers(),
      'billing:addLineItem': () => ({ ok: true, value: { lineItem: null, state: 'queued' } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add line item' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a line item' });
    const pointer1 = within(dialog).getByLabelText('Pointer 1');
    await userEvent.clear(pointer1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add line item' }));
    expect(await within(dialog).findByText('Enter the procedure code')).toBeTruthy();
    expect(within(dialog).getByText('At least one diagnosis pointer')).toBeTruthy();

    await userEvent.type(within(dialog).getByLabelText(/Procedure code/), '99214');
    await userEvent.type(within(dialog).getByLabelText(/Price/), '165');
    await userEvent.type(within(dialog).getByLabelText('Modifier 1'), '25');
    await userEvent.type(pointer1, '1');
    await userEvent.type(within(dialog).getByLabelText('Pointer 2'), 'E11.9');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add line item' }));
    await waitFor(() => {
      expect(callsTo('billing:addLineItem')).toHaveLength(1);
    });
    expect(callsTo('billing:addLineItem')[0]?.request).toEqual({
      lineItem: {
        appointment: 5001,
        doctor: 7,
        code: '99214',
        procedure_type: 'C',
        price: '165',
        quantity: '1',
        // drchrono documents both as lists of 4: unused slots empty.
        modifiers: ['25', '', '', ''],
        diagnosis_pointers: [1, 'E11.9', null, null],
        service_date: '2026-11-23',
      },
    });
    expect(
      await screen.findByText('Saved on this computer — will be sent when drchrono is reachable.'),
    ).toBeTruthy();
  });

  it('a list drchrono refused shows its own notice, and the other lists and the totals stay', async () => {
    const paymentsRefused: ResponseOf<'billing:appointment'> = {
      ...billing,
      availability: {
        lineItems: { state: 'available', reason: null, skipped: 0, detail: null },
        transactions: { state: 'available', reason: null, skipped: 0, detail: null },
        payments: {
          state: 'refused',
          reason:
            'Patient payments are not available to this drchrono account: it lacks the “Access Patients Payments” permission.',
          skipped: 0,
          detail: 'GET /api/patient_payments?… → 403',
        },
      },
    };
    renderRecords(<BillingScreen appointmentId="5001" />, {
      ...handlers(),
      'billing:appointment': () => ({ ok: true as const, value: paymentsRefused }),
    });
    expect(
      await screen.findByText(/Patient payments are not available to this drchrono account/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Take payment' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add line item' })).toBeTruthy();
    expect(screen.getByLabelText('Totals').textContent).toContain('Balance$125.00');
    expect(screen.getByText('99213')).toBeTruthy();
  });
});
