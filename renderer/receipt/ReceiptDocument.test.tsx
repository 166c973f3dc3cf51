import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { patientPaymentSchema } from '../../shared/drchrono';
import { renderRecords } from '../patients/testing/render';
import { practice } from '../patients/testing/fixtures';
import { BillingScreen } from '../billing/BillingScreen';
import { receiptOf, type ReceiptSubject } from './receipt';
import { pendingPayment } from './receipt-action';
import { ReceiptDocument } from './ReceiptDocument';
import { ReceiptHost } from './ReceiptHost';

const office = {
  ...practice.offices[0]!,
  address: '301 Wall St',
  city: 'Kingston',
  state: 'NY',
  zip_code: '12401',
  phone_number: '(845) 555-0100',
};
const withAddress = { ...practice, offices: [office] };

const copay = patientPaymentSchema.parse({
  id: 920001,
  patient: 42,
  appointment: null,
  line_item: null,
  doctor: 7,
  amount: '25.00',
  payment_method: 'CASH',
  received_date: '2026-11-23',
  posted_date: '2026-11-23',
  notes: '[visit 5001]',
  trace_number: '',
  created_at: '2026-11-23T09:42:10',
  created_by: 1,
});

const subject: ReceiptSubject = {
  patientName: 'Marisol Quispe',
  birthDate: '1984-03-09',
  visitLabel: (id) => (id === '5001' ? 'Mon 23 Nov 9:30 AM · Dr Okafor' : null),
  officeId: 1,
};

function facts(article: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of within(article).getAllByRole('term')) {
    out[row.textContent] = row.nextElementSibling?.textContent ?? '';
  }
  return out;
}

describe('the payment receipt', () => {
  it('names the practice, office, patient, visit and payment in words', () => {
    const receipt = receiptOf({ payment: copay, subject }, withAddress, '2026-11-23T10:05:00');
    render(<ReceiptDocument receipt={receipt} />);
    const article = screen.getByRole('article', { name: 'Receipt 920001' });
    expect(within(article).getByRole('heading', { level: 1 }).textContent).toBe(
      'Hudson Valley Family Medicine',
    );
    expect(article.querySelector('address')?.textContent).toBe(
      'Kingston301 Wall StKingston, NY 12401Tel. (845) 555-0100',
    );
    expect(facts(article)).toEqual({
      Patient: 'Marisol Quispe',
      'Date of birth': '03/09/1984',
      Taken: 'Mon 23 Nov 2026, 9:42 AM',
      Amount: '$25.00',
      Method: 'Cash',
      Visit: 'Mon 23 Nov 9:30 AM · Dr Okafor',
      Applied: 'On the patient’s account, for this visit, until it is applied to a line item',
      'Taken by': 'frontdesk',
    });
    expect(within(article).getByText(/^Receipt no\./).textContent).toBe('Receipt no. 920001');
    expect(article.textContent).toContain('Printed Mon 23 Nov 2026, 10:05 AM by frontdesk');
    expect(article.textContent).not.toMatch(/\[visit|5001/);
  });

  it('says a payment still in the outbox has no number yet, taken now by the signed-in user', () => {
    const sent = pendingPayment({
      patient: 42,
      amount: '40.5',
      payment_method: 'CHCK',
      trace_number: '1187',
      received_date: '2026-11-23',
      appointment: '5001',
      line_item: 71,
    });
    const receipt = receiptOf(
      {
        payment: sent,
        subject: {
          ...subject,
          lineItems: [{ id: 71, code: '99213', description: 'Office visit' }],
        },
      },
      withAddress,
      '2026-11-23T11:15:00',
    );
    render(<ReceiptDocument receipt={receipt} />);
    const article = screen.getByRole('article');
    expect(facts(article)).toMatchObject({
      Taken: 'Mon 23 Nov 2026, 11:15 AM',
      Amount: '$40.50',
      Method: 'Check (reference 1187)',
      Visit: 'Mon 23 Nov 9:30 AM · Dr Okafor',
      Applied: 'Applied to line item 99213 Office visit',
      'Taken by': 'frontdesk',
    });
    expect(within(article).getByText(/^Receipt no\./).textContent).toBe(
      'Receipt no. pending — not yet sent to drchrono',
    );
    expect(article.textContent).toContain('will be sent to drchrono');
  });

  it('is offered on the toast after a copay is taken, and previewed with the practice from main', async () => {
    const user = userEvent.setup();
    const { callsTo } = renderRecords(
      <>
        <BillingScreen appointmentId="5001" />
        <ReceiptHost />
      </>,
      {
        'practice:get': () => ({ ok: true, value: withAddress }),
        'billing:appointment': () => ({
          ok: true,
          value: {
            appointment: {
              id: '5001',
              doctor: 7,
              office: 1,
              exam_room: 2,
              patient: 42,
              scheduled_time: '2026-11-23T09:30:00',
              duration: 30,
              status: 'Arrived',
            },
            lineItems: [],
            payments: [],
            transactions: [],
            totals: {
              billed: '0.00',
              paid: '0.00',
              balancePatient: '0.00',
              balanceInsurance: '0.00',
              balanceTotal: '0.00',
            },
          },
        }),
        'appointments:get': () => ({
          ok: true,
          value: {
            appointments: [],
            patients: {
              '42': {
                id: 42,
                first_name: 'Marisol',
                last_name: 'Quispe',
                date_of_birth: '1984-03-09',
              },
            },
            fetchedAt: 0,
            source: 'cache',
          },
        }),
        'billing:addPayment': () => ({ ok: true, value: { payment: copay, state: 'saved' } }),
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Take payment' }));
    const dialog = screen.getByRole('dialog', { name: /Take a payment/ });
    await user.type(within(dialog).getByLabelText(/Amount/), '25.00');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    const toast = await screen.findByText('Payment of $25.00 recorded');
    await user.click(
      within(toast.closest('.fd-toast') as HTMLElement).getByRole('button', {
        name: 'Print receipt',
      }),
    );
    const receipt = await screen.findByRole('dialog', { name: 'Payment receipt' });
    const preview = within(receipt).getByRole('region', { name: 'Print preview' });
    expect(facts(within(preview).getByRole('article'))).toMatchObject({
      Patient: 'Marisol Quispe',
      'Date of birth': '03/09/1984',
      Visit: 'Mon 23 Nov 9:30 AM · Dr Okafor',
    });
    expect(within(preview).getByText(/^Receipt no\./).textContent).toBe('Receipt no. 920001');
    // The same document waits in the print root for paper.
    expect(document.querySelector('.fd-print-root .fd-receipt')?.textContent).toBe(
      within(preview).getByRole('article').textContent,
    );
    expect(within(receipt).getByRole('button', { name: 'Save as PDF…' })).toBeTruthy();
    expect(callsTo('billing:addPayment')).toHaveLength(1);
  });
});
