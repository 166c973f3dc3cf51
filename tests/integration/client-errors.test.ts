import { describe, expect, it } from 'vitest';
import { appErrorSchema } from '../../shared/result';
import { failureToAppError, failureToErr, type ApiFailure } from '../../electron/drchrono';

const http = (status: number, body: unknown): ApiFailure => ({
  kind: 'http',
  status,
  body,
  message: '',
});

describe('what the user reads when drchrono says no', () => {
  it('maps DRF 400 bodies onto fields, nested and bulk, with the general message', () => {
    const error = failureToAppError(
      http(400, {
        first_name: ['This field may not be blank.'],
        date_of_birth: ['Date has wrong format.', 'Use YYYY-MM-DD.'],
        primary_insurance: { insurance_id_number: ['Required when a payer is set.'] },
        non_field_errors: ['The patient already has an appointment at this time.'],
      }),
      { path: '/api/patients/12', subject: 'the patient' },
    );
    expect(error).toEqual({
      code: 'rejected',
      status: 400,
      message: 'The patient already has an appointment at this time.',
      fields: {
        first_name: 'This field may not be blank.',
        date_of_birth: 'Date has wrong format. Use YYYY-MM-DD.',
        'primary_insurance.insurance_id_number': 'Required when a payer is set.',
      },
      // Field names only: DRF's texts can quote what was typed.
      detail:
        'drchrono → 400 · fields first_name, date_of_birth, primary_insurance.insurance_id_number',
    });
    expect(
      failureToAppError(http(400, [{}, { doctor: ['Invalid pk "9" - object does not exist.'] }])),
    ).toMatchObject({
      fields: { '1.doctor': 'Invalid pk "9" - object does not exist.' },
      message: 'drchrono did not accept this: check the highlighted fields.',
    });
    expect(failureToAppError(http(400, { detail: 'JSON parse error' }))).toMatchObject({
      message: 'JSON parse error',
      fields: {},
    });
    expect(failureToAppError(http(400, '<html>Bad Request</html>'))).toMatchObject({
      code: 'rejected',
    });
  });

  it('names the drchrono permission behind a 403', () => {
    const cases: [string, string][] = [
      ['/api/line_items?appointment=4', '“Access Billing” and “Show Billing Tab” permissions'],
      [
        '/api/patient_payments',
        '“Access Billing”, “Show Billing Tab” and “Access Patients Payments” permissions',
      ],
      ['/api/allergies/5', '“Access Clinical Notes” permission'],
      ['/api/patients/7', '“Manage Patients” permission'],
      ['/api/appointments', '“Access Scheduling” permission'],
      ['/api/appointment_templates/3', '“Access Scheduling” and “Settings” permissions'],
    ];
    for (const [path, expected] of cases) {
      expect(
        failureToAppError(http(403, { detail: 'You do not have permission.' }), { path }).message,
      ).toBe(
        `drchrono refused this: your account lacks the ${expected}. Ask your practice admin to grant it.`,
      );
    }
    expect(failureToAppError(http(403, {}), { path: '/api/tasks' }).message).toMatch(
      /practice admin/,
    );
  });

  it('maps each failure kind to a code the UI knows, and every result is a valid AppError', () => {
    const failures: [ApiFailure, string][] = [
      [http(404, { detail: 'Not found.' }), 'not_found'],
      [http(405, { detail: 'Method "POST" not allowed.' }), 'not_supported'],
      [http(409, { detail: 'Overlaps with appointment 123' }), 'conflict'],
      [http(502, '<html>Bad Gateway</html>'), 'server'],
      [http(418, {}), 'rejected'],
      [{ kind: 'unauthenticated', message: '' }, 'unauthenticated'],
      [{ kind: 'rate_limited', retryAfterSeconds: 1200, message: '' }, 'rate_limited'],
      [{ kind: 'budget', retryAfterMs: 61_500, message: '' }, 'rate_limited'],
      [{ kind: 'network', committed: 'unknown', message: '' }, 'offline'],
      [{ kind: 'network', committed: 'no', message: '' }, 'offline'],
      [{ kind: 'redirect_refused', location: 'https://evil.example', message: '' }, 'server'],
      [{ kind: 'invalid_response', message: '' }, 'server'],
    ];
    for (const [failure, code] of failures) {
      const error = failureToAppError(failure, { path: '/api/tasks/4', subject: 'this task' });
      expect(error.code).toBe(code);
      expect(appErrorSchema.safeParse(error).success).toBe(true);
      expect(error.message).not.toContain('evil');
    }
    expect(
      failureToAppError({ kind: 'rate_limited', retryAfterSeconds: 1200, message: '' }),
    ).toMatchObject({
      retryAfterSeconds: 1200,
      message: expect.stringContaining('about 20 minutes') as string,
    });
    expect(
      failureToAppError({ kind: 'budget', retryAfterMs: 61_500, message: '' }).retryAfterSeconds,
    ).toBe(62);
    expect(
      failureToAppError(http(405, {}), { path: '/api/tasks/4', subject: 'this task' }).message,
    ).toBe('drchrono does not allow this task to be changed this way (/api/tasks/4).');
    expect(failureToErr(http(409, {}))).toMatchObject({
      ok: false,
      error: { code: 'conflict', status: 409 },
    });
  });
});
