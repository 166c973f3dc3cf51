import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../drchrono/types';
import { drchronoMessage, failureFamily, toErr } from './failures';

describe('drchrono failures in the outbox', () => {
  it('names every refused field, nested ones by their path, with the general message first', () => {
    const body = {
      non_field_errors: ['Check the insurance.'],
      email: ['Enter a valid email address.'],
      primary_insurance: { insurance_id_number: ['This field may not be blank.'] },
    };
    expect(drchronoMessage(body)).toEqual({
      message:
        'Check the insurance. email: Enter a valid email address. primary insurance insurance id number: This field may not be blank.',
      fields: {
        email: 'Enter a valid email address.',
        'primary_insurance.insurance_id_number': 'This field may not be blank.',
      },
    });
    expect(drchronoMessage('  Bad gateway ')).toEqual({ message: 'Bad gateway', fields: {} });
    expect(drchronoMessage(null)).toEqual({ message: null, fields: {} });
  });

  it('gives handlers the same AppError, fields included, that forms map onto inputs', () => {
    const failure: ApiFailure = {
      kind: 'http',
      status: 400,
      body: { primary_insurance: { plan: ['Unknown plan.'] } },
      message: 'HTTP 400',
    };
    const result = toErr(failure);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      code: 'rejected',
      fields: { 'primary_insurance.plan': 'Unknown plan.' },
    });
    expect(failureFamily(failure)).toBe('definite');
    expect(failureFamily({ ...failure, status: 429 })).toBe('transient');
  });

  it('keeps what a 409 names (the appointment in the way), so the calendar can say which', () => {
    const result = toErr({
      kind: 'http',
      status: 409,
      body: { detail: 'Exam room is booked.', conflicting_appointment: '810044' },
      message: 'HTTP 409',
    });
    expect(result.error).toMatchObject({
      code: 'conflict',
      message: 'Exam room is booked.',
      fields: { conflicting_appointment: '810044' },
    });
  });
});
