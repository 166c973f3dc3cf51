import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../drchrono/types';
import { failed } from './errors';

/** A list read that failed names the list, whichever way it failed, and keeps its "Details". */

const unreadable: ApiFailure = {
  kind: 'invalid_response',
  message: 'Unexpected token <',
  call: { method: 'GET', path: '/api/documents' },
};
const refused: ApiFailure = {
  kind: 'http',
  status: 403,
  body: { detail: 'You do not have permission to perform this action.' },
  message: 'HTTP 403',
  call: { method: 'GET', path: '/api/eligibility_checks' },
};

describe('failed', () => {
  it('says which list could not be read, not only that an answer was wrong', () => {
    const reply = failed(unreadable, 'patients', 'Documents');
    expect(reply.error).toMatchObject({
      code: 'server',
      message:
        "Documents could not be read: drchrono's answer was not a list Frontdesk understands. Try again in a moment.",
      detail: 'GET /api/documents · answer could not be read',
    });
  });

  it('names the refused list rather than the whole area', () => {
    const reply = failed(refused, 'patients', 'Eligibility checks');
    expect(reply.error.code).toBe('forbidden');
    expect(reply.error.message).toBe(
      'drchrono did not allow this: the signed-in account may not use eligibility checks. Ask your practice admin to grant Manage Patients to this drchrono account.',
    );
    expect(reply.error.detail).toMatch(/^GET \/api\/eligibility_checks → 403/);
  });

  it('without a list keeps the area’s words', () => {
    expect(failed(refused, 'clinical').error.message).toBe(
      'drchrono did not allow this: the signed-in account may not use allergies, medications and problems. Ask your practice admin to grant Access Clinical Notes to this drchrono account.',
    );
    expect(failed(unreadable, 'patients').error.message).toBe(
      "drchrono's answer could not be read. Try again in a moment.",
    );
  });
});
