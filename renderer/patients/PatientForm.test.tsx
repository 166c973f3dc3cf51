import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PatientDetail } from './PatientDetail';
import { PatientsScreen } from './PatientsScreen';
import { patient } from './testing/fixtures';
import { renderRecords } from './testing/render';

async function openEditForm() {
  await userEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
  return screen.findByRole('form', { name: 'Edit patient details' });
}

describe('new patient form', () => {
  it('checks the fields with the contract’s schema before sending anything', async () => {
    const { callsTo } = renderRecords(<PatientsScreen create />);
    const form = await screen.findByRole('form', { name: 'New patient' });
    await userEvent.type(within(form).getByLabelText('Email'), 'not-an-email');
    await userEvent.type(within(form).getByLabelText('Cell phone'), 'call me');
    await userEvent.type(within(form).getByLabelText('ZIP code'), '124');
    await userEvent.click(within(form).getAllByRole('button', { name: 'Create patient' })[0]!);

    expect(await screen.findByText('First name is required')).toBeTruthy();
    expect(screen.getByText('Last name is required')).toBeTruthy();
    expect(screen.getByText('Choose Male, Female or Other')).toBeTruthy();
    expect(screen.getByText('Enter an email like name@example.com')).toBeTruthy();
    expect(screen.getByText('Use digits, spaces and + ( ) - only')).toBeTruthy();
    expect(screen.getByText('A ZIP like 12345 or 12345-6789')).toBeTruthy();
    expect(
      within(form)
        .getByLabelText(/First name/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(callsTo('patients:create')).toHaveLength(0);
  });

  it('needs an insurance for an insurance payment profile, and sends only what was filled in', async () => {
    const { callsTo, visits } = renderRecords(<PatientsScreen create />, {
      'patients:create': ({ patient: p }) => ({
        ok: true,
        value: { patient: { ...p, id: 77, primary_insurance: null }, state: 'saved' },
      }),
    });
    const form = await screen.findByRole('form', { name: 'New patient' });
    await userEvent.type(within(form).getByLabelText(/First name/), 'Ana');
    await userEvent.type(within(form).getByLabelText(/Last name/), 'Lima');
    await userEvent.selectOptions(within(form).getByLabelText(/Sex/), 'Female');
    await userEvent.selectOptions(within(form).getByLabelText('Payment profile'), 'Insurance');
    const save = within(form).getAllByRole('button', { name: 'Create patient' })[0]!;
    await userEvent.click(save);
    expect(
      await screen.findByText(/accepts this payment profile only for a patient with/),
    ).toBeTruthy();
    expect(callsTo('patients:create')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText(/Member ID/), 'XJ100');
    await userEvent.type(within(form).getByLabelText('Insurance company'), 'Aetna');
    await userEvent.click(save);
    await waitFor(() => {
      expect(callsTo('patients:create')).toHaveLength(1);
    });
    expect(callsTo('patients:create')[0]?.request).toEqual({
      patient: {
        first_name: 'Ana',
        last_name: 'Lima',
        gender: 'Female',
        doctor: 7,
        race: 'blank',
        ethnicity: 'blank',
        patient_status: 'A',
        patient_payment_profile: 'Insurance',
        primary_insurance: {
          insurance_company: 'Aetna',
          insurance_payer_id: '',
          insurance_id_number: 'XJ100',
          is_subscriber_the_patient: true,
        },
      },
    });
    await waitFor(() => {
      expect(visits).toContainEqual({ area: 'patients', patientId: 77 });
    });
  });
});

describe('editing a patient', () => {
  it('PATCHes only the changed fields, with what the form showed as base', async () => {
    const { callsTo } = renderRecords(<PatientDetail patientId={42} />, {
      'patients:update': () => ({ ok: true, value: { patient, state: 'saved' } }),
    });
    const form = await openEditForm();
    const phone = within(form).getByLabelText('Cell phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, '(845) 555-0199');
    await userEvent.selectOptions(within(form).getByLabelText('Preferred language'), 'eng');
    await userEvent.type(within(form).getByLabelText('Interpreter'), ' (Spanish)');
    await userEvent.click(within(form).getAllByRole('button', { name: 'Save changes' })[0]!);

    await waitFor(() => {
      expect(callsTo('patients:update')).toHaveLength(1);
    });
    expect(callsTo('patients:update')[0]?.request).toEqual({
      id: 42,
      changes: {
        cell_phone: '(845) 555-0199',
        preferred_language: 'eng',
        custom_demographics: [{ field_type: 3, value: 'Needs interpreter (Spanish)' }],
      },
      base: { cell_phone: '(845) 555-0142', preferred_language: 'spa' },
    });
    // Back on the record once saved.
    expect(await screen.findByRole('button', { name: 'Edit details' })).toBeTruthy();
  });

  it('sends a cleared date of birth as null: drchrono refuses "" for a date', async () => {
    const { callsTo } = renderRecords(<PatientDetail patientId={42} />, {
      'patients:update': () => ({ ok: true, value: { patient, state: 'saved' } }),
    });
    const form = await openEditForm();
    await userEvent.clear(within(form).getByLabelText('Date of birth'));
    await userEvent.click(within(form).getAllByRole('button', { name: 'Save changes' })[0]!);
    await waitFor(() => {
      expect(callsTo('patients:update')).toHaveLength(1);
    });
    expect(callsTo('patients:update')[0]?.request).toMatchObject({
      changes: { date_of_birth: null },
      base: { date_of_birth: patient.date_of_birth },
    });
  });

  it('puts drchrono’s 400 messages next to the fields it names and keeps what was typed', async () => {
    renderRecords(<PatientDetail patientId={42} />, {
      'patients:update': () => ({
        ok: false,
        error: {
          code: 'rejected',
          message: 'drchrono did not accept the patient: check the highlighted fields.',
          fields: { email: 'Enter a valid email address.', office_phone: 'Too long.' },
          status: 400,
        },
      }),
    });
    const form = await openEditForm();
    const email = within(form).getByLabelText('Email');
    await userEvent.clear(email);
    await userEvent.type(email, 'marisol@example.net');
    await userEvent.click(within(form).getAllByRole('button', { name: 'Save changes' })[0]!);

    expect(await within(form).findByText('Enter a valid email address.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect((email as HTMLInputElement).value).toBe('marisol@example.net');
    // A field the form does not show is reported at the top.
    expect(within(form).getByRole('alert').textContent).toContain('office phone: Too long.');
  });

  it('asks before throwing unsaved changes away, and stays when told to', async () => {
    renderRecords(<PatientDetail patientId={42} />);
    const form = await openEditForm();
    await userEvent.type(within(form).getByLabelText('City'), 'ton');
    await userEvent.click(within(form).getAllByRole('button', { name: 'Cancel' })[0]!);
    const ask = await screen.findByRole('dialog', { name: 'Discard changes?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(within(form).getByLabelText<HTMLInputElement>('City').value).toBe('Kingstonton');
  });

  it('shows a queued save in the words the desk understands', async () => {
    renderRecords(<PatientDetail patientId={42} />, {
      'patients:update': () => ({ ok: true, value: { patient, state: 'queued' } }),
    });
    const form = await openEditForm();
    await userEvent.type(within(form).getByLabelText('Home phone'), '845 555 0100');
    await userEvent.click(within(form).getAllByRole('button', { name: 'Save changes' })[0]!);
    expect(
      await screen.findByText('Saved on this computer — will be sent when drchrono is reachable.'),
    ).toBeTruthy();
  });
});
