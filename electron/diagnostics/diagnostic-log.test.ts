import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../drchrono/observer';
import { formatCall } from './diagnostic-log';

const refused = (refusal?: string): CallRecord => ({
  method: 'GET',
  path: '/api/appointment_templates?…',
  status: 403,
  outcome: 'http',
  durationMs: 120,
  retries: 0,
  ...(refusal === undefined ? {} : { refusal }),
});

describe('a refused call in the diagnostic log', () => {
  it('says scope or permission from what sign-in granted, as the console and Details do', () => {
    expect(formatCall(refused('scopes granted; lacks permission “Settings”'))).toBe(
      'call GET /api/appointment_templates?… → 403 http 120ms retries=0 refused="scopes granted; lacks permission “Settings”"',
    );
  });

  it('falls back to the scopes the reference lists when nothing is known of the grant', () => {
    expect(formatCall(refused())).toBe(
      'call GET /api/appointment_templates?… → 403 http 120ms retries=0 needs=calendar:read + settings:read',
    );
  });

  it('never writes a note that is not made of scope and permission names', () => {
    expect(formatCall(refused('lacks "x"\nMarisol Quispe 1955-04-02 <script>'))).toBe(
      'call GET /api/appointment_templates?… → 403 http 120ms retries=0 needs=calendar:read + settings:read',
    );
  });
});
