import { describe, expect, it } from 'vitest';
import { isAuthRejection } from './auth-rejection';

describe('a token drchrono did not accept', () => {
  it('is any 401, and a 403 in the REST framework’s words for a rejected token', () => {
    expect(isAuthRejection(401, null)).toBe(true);
    expect(isAuthRejection(403, { detail: 'Token has expired.' })).toBe(true);
    expect(isAuthRejection(403, { detail: 'Authentication credentials were not provided.' })).toBe(
      true,
    );
    expect(isAuthRejection(403, { detail: 'Invalid token.' })).toBe(true);
  });

  it('is not a 403 refusing a permission, nor one with no words', () => {
    expect(
      isAuthRejection(403, { detail: 'You do not have permission to perform this action.' }),
    ).toBe(false);
    expect(isAuthRejection(403, '<html>Forbidden</html>')).toBe(false);
    expect(isAuthRejection(403, null)).toBe(false);
    expect(isAuthRejection(400, { detail: 'Invalid token.' })).toBe(false);
  });
});
