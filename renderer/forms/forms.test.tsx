import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../../shared/result';
import { applyServerError } from './apply-server-error';
import { changedFields } from './changed-fields';
import { FormMessage } from './FormMessage';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { useZodForm } from './useZodForm';

const schema = z.strictObject({
  first_name: z.string().trim().min(1, 'First name is required'),
  cell_phone: z.string().regex(/^[0-9 ()+-]*$/, 'Use digits only'),
  doctor: z.int('Choose the primary provider').positive('Choose the primary provider'),
});

function Harness({
  onSubmit,
  serverError,
}: {
  onSubmit: (v: z.output<typeof schema>) => void;
  serverError?: AppError;
}) {
  const form = useZodForm(schema, {
    first_name: '',
    cell_phone: '',
    doctor: undefined,
  });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit((values) => {
          if (serverError)
            setMessage(
              applyServerError(form.setError, serverError, ['first_name', 'cell_phone', 'doctor']),
            );
          else onSubmit(values);
        })}
      >
        <FormMessage message={message} />
        <TextField name="first_name" label="First name" required />
        <TextField name="cell_phone" label="Cell phone" />
        <SelectField
          name="doctor"
          label="Provider"
          numeric
          placeholder="— choose —"
          options={[{ value: 7, label: 'Dr. Okafor' }]}
        />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

describe('forms kit', () => {
  it('shows zod messages next to the fields and sends nothing', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Cell phone'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const first = screen.getByLabelText(/First name/);
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('First name is required')).toBeTruthy();
    expect(screen.getByText('Use digits only')).toBeTruthy();
    expect(screen.getByText('Choose the primary provider')).toBeTruthy();
    // The error is announced with the field: aria-describedby points at it.
    const describedBy = screen.getByLabelText('Cell phone').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ').pop() ?? '')?.textContent).toBe(
      'Use digits only',
    );
  });

  it('submits parsed values (numbers for ids)', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/First name/), 'Marisol');
    await userEvent.type(screen.getByLabelText('Cell phone'), '555 0100');
    await userEvent.selectOptions(screen.getByLabelText('Provider'), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({
      first_name: 'Marisol',
      cell_phone: '555 0100',
      doctor: 7,
    });
  });

  it("maps drchrono's 400 onto the fields it names and keeps the rest at the top", async () => {
    const serverError: AppError = {
      code: 'rejected',
      message: 'drchrono did not accept the patient.',
      fields: { cell_phone: 'Enter a valid phone number.', chart_id: 'Chart ID already in use.' },
    };
    render(<Harness onSubmit={vi.fn()} serverError={serverError} />);
    await userEvent.type(screen.getByLabelText(/First name/), 'Marisol');
    await userEvent.type(screen.getByLabelText('Cell phone'), '555');
    await userEvent.selectOptions(screen.getByLabelText('Provider'), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a valid phone number.')).toBeTruthy();
    expect(screen.getByLabelText('Cell phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('chart id: Chart ID already in use.');
    // What the user typed is still there.
    expect(screen.getByLabelText<HTMLInputElement>('Cell phone').value).toBe('555');
  });
});

describe('changedFields', () => {
  it('keeps only what changed, with the old values as base', () => {
    const initial: Record<string, unknown> = {
      first_name: 'Ana',
      cell_phone: null,
      email: 'a@x.org',
      primary_insurance: { insurance_id_number: 'A1', plan: 'x' },
    };
    const current: Record<string, unknown> = {
      first_name: 'Ana',
      cell_phone: '',
      email: 'ana@x.org',
      primary_insurance: { insurance_id_number: 'A2', plan: 'x' },
    };
    const { changes, base, count } = changedFields(initial, current);
    expect(changes).toEqual({
      email: 'ana@x.org',
      primary_insurance: { insurance_id_number: 'A2', plan: 'x' },
    });
    expect(base).toEqual({
      email: 'a@x.org',
      primary_insurance: { insurance_id_number: 'A1', plan: 'x' },
    });
    expect(count).toBe(2);
  });
});
