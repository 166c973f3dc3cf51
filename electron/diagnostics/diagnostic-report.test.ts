import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from './diagnostic-report';

const input: ReportInput = {
  generatedAt: Date.UTC(2026, 11, 6, 14, 3, 11),
  app: {
    version: '0.1.0',
    host: 'electron',
    mode: 'drchrono',
    storage: { keyProtection: 'safeStorage', phiOnDisk: true, warning: null },
  },
  versions: { electron: '45.4.1', chrome: '142.0.7444.52', node: '22.20.0' },
  platform: 'win32 x64',
  server: 'https://drchrono.com/some/path?x=1',
  scopesRequested: 'user:read calendar:read',
  sync: {
    connection: 'online',
    callsThisHour: 27,
    hourlyCap: 150,
    pendingEdits: 1,
    conflicts: 0,
    needsAttention: 2,
  },
  failures: [
    {
      method: 'GET',
      path: '/api/patient_payments?…',
      outcome: '403',
      count: 3,
      lastAt: '2026-12-06T14:03:10.000Z',
      needs: 'billing:patient-payment:read',
    },
    {
      method: 'GET',
      path: '/api/user_groups',
      outcome: '403',
      count: 1,
      lastAt: '2026-12-06T14:01:00.000Z',
      needs: 'none',
    },
    {
      method: 'GET',
      path: '/api/appointment_templates?…',
      outcome: '403',
      count: 2,
      lastAt: '2026-12-06T14:00:00.000Z',
      needs: 'calendar:read + settings:read',
      refusal: 'scopes granted; lacks permission “Settings”',
    },
  ],
  logLines: [
    '2026-12-06T14:03:10.000Z call GET /api/patient_payments?… → 403 http 120ms retries=0',
  ],
};

describe('the diagnostic report', () => {
  it('says versions, mode, server origin, connection and the failed calls, then the log', () => {
    const text = buildReport(input);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Frontdesk diagnostic report (no patient data: paths are templates, values are never logged)',
      'Generated: 2026-12-06T14:03:11.000Z',
      'Frontdesk 0.1.0, desktop app, drchrono account',
      'Versions: Electron 45.4.1, Chrome 142.0.7444.52, Node 22.20.0; win32 x64',
      'drchrono server: https://drchrono.com',
      'Storage: key safeStorage, patient data on disk: yes (encrypted)',
      'Scopes asked at sign-in: user:read calendar:read',
      'Connection: online; calls this hour 27 of 150; outbox 1 pending, 0 conflicts, 2 need attention',
    ]);
    expect(text).toContain(
      '  GET /api/patient_payments?… → 403 ×3, last 2026-12-06T14:03:10.000Z (needs scope billing:patient-payment:read)',
    );
    expect(text).toContain(
      '  GET /api/user_groups → 403 ×1, last 2026-12-06T14:01:00.000Z (needs no scope: a staff permission)',
    );
    // What sign-in granted tells scope from permission; the bare scope list is the fallback.
    expect(text).toContain(
      '  GET /api/appointment_templates?… → 403 ×2, last 2026-12-06T14:00:00.000Z (scopes granted; lacks permission “Settings”)',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(input.logLines[0]);
  });

  it('says so when nothing failed and versions are partly unknown (browser host)', () => {
    const text = buildReport({
      ...input,
      app: { ...input.app, host: 'web', mode: 'demo' },
      versions: { node: '20.20.2' },
      failures: [],
      logLines: [],
    });
    expect(text).toContain('Frontdesk 0.1.0, browser host, demo practice');
    expect(text).toContain('Versions: Node 20.20.2; win32 x64');
    expect(text).toContain('  none since Frontdesk started');
    expect(text).toContain('Diagnostic log, last 0 lines');
  });
});
