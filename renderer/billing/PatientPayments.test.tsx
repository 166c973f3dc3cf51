import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRecords } from '../patients/testing/render';
import { PatientPayments } from './PatientPayments';

const refused =
  'Payment log entries are not available to this drchrono account: it lacks the “Access Patients Payments” permission.';

describe('a patient’s payments', () => {
  it('shows the payments when only the log is refused, and says why the log is missing', async () => {
    renderRecords(
      <PatientPayments
        patientId={42}
        patientName="Marisol Quispe"
        doctorId={7}
        today="2026-11-23"
      />,
      {
        'billing:patient': () => ({
          ok: true as const,
          value: {
            payments: [
              {
                id: 5,
                patient: 42,
                appointment: null,
                line_item: null,
                amount: '25.00',
                payment_method: 'CASH',
                received_date: '2026-11-20',
              },
            ],
            log: [],
            logAvailability: { state: 'refused', reason: refused, skipped: 0, detail: null },
          },
        }),
      },
    );
    expect(await screen.findByText(refused)).toBeTruthy();
    expect(screen.getByText('$25.00')).toBeTruthy();
    // Not "nothing in the log": the log was not read.
    expect(screen.queryByText('Nothing in the payment log.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Take payment on account' })).toBeTruthy();
  });
});
