import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient } from '../../electron/sandbox';
import { filesUnder } from '../support/files-under';
import {
  collectSecrets,
  nav,
  openPatient,
  openVisitBilling,
  signIn,
  startStack,
  type Stack,
} from './harness';

/**
 * Diagnostics a practice can send, end to end in Chromium against the sandbox: canaries planted in
 * patients the desk shows; the desk opens the calendar, finds and edits those patients, and meets
 * a refused drchrono endpoint (patient payments). The refusal's notice names it in words and keeps
 * a Details line; the browser host prints one line for it; Settings → Help copies the diagnostic
 * report. Then the log files, the report and the console lines are searched for the canaries, the
 * canary patients' names, dates of birth, phones and e-mails, and the tokens: none may be there.
 */

type Json = Record<string, unknown>;
const canaries = ['CANARY-DG4K7Q2M', 'CANARY-RT8W3ZNX', 'CANARY-PL5H9VCE'];
const consoleLines: string[] = [];
let stack: Stack;

async function server(path: string): Promise<Json> {
  const reply = await stack.sandbox.control.asOtherWorkstation('GET', path);
  expect(reply.status).toBe(200);
  return reply.body as Json;
}

/**
 * The token holds every scope asked for, so the refusal is a staff permission's: "lacks …", or,
 * once Today's collected payments were read this session (which proves those permissions),
 * "… proven granted; refused anyway", rather than sending the practice to a setting already made.
 */
const permissionNote =
  'scope granted; (lacks permissions? “|permissions? “.+” proven granted; refused anyway)';

/** Every value of a patient the log must never hold, in the forms it could take. */
function patientValues(patient: Json): string[] {
  const values: string[] = [];
  for (const key of ['first_name', 'last_name', 'email', 'cell_phone', 'home_phone', 'address']) {
    const value = patient[key];
    if (typeof value === 'string' && value.trim().length >= 3) values.push(value.trim());
  }
  const dob = patient.date_of_birth;
  if (typeof dob === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dob)) {
    const [y, m, d] = dob.split('-') as [string, string, string];
    values.push(dob, `${m}/${d}/${y}`, `${y}${m}${d}`);
  }
  return values;
}

/** Whole-word hits (a name like "Ann" must not match inside "Announce"). */
function hits(text: string, values: readonly string[]): string[] {
  return values.filter((value) => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`).test(text);
  });
}

beforeAll(async () => {
  stack = await startStack({
    sandbox: { weekendClinic: true, canaries },
    host: { console: (line) => consoleLines.push(line) },
  });
  await stack.page.setViewportSize({ width: 1280, height: 720 });
  await stack.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.host.url });
  await signIn(stack.page);
});

afterAll(async () => {
  await stack.close();
});

describe('diagnostics a practice can send', () => {
  it('names a refused endpoint in its notice, logs the day without PHI, and copies the report', async () => {
    const { page, sandbox, host } = stack;
    const planted = sandbox.control.canaries();
    expect(planted).toHaveLength(canaries.length);
    const patients = await Promise.all(
      planted.map(async (c) => server(`/api/patients/${String(c.patient)}`)),
    );

    // The calendar, as the desk opens it every morning.
    await nav(page, 'Calendar');
    await page.locator('.fc-event').first().waitFor();

    // The canary patients: found, opened, one of them edited (the PATCH body carries PHI).
    for (const patient of patients) await openPatient(page, patient);
    const first = patients[0]!;
    await openPatient(page, first);
    await page.getByRole('article').getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit patient details' });
    await form.getByLabel('Cell phone').fill('(845) 555-0142');
    await form.getByRole('button', { name: 'Save changes' }).first().click();
    await page.getByRole('article').getByRole('button', { name: 'Edit details' }).waitFor();

    // A refused endpoint: this account may not read patient payments.
    sandbox.control.denyScopes(['/api/patient_payments']);
    const today = sandbox.control.today;
    const day = (await server(`/api/appointments?date=${today}&page_size=250`)).results as Json[];
    const visit =
      day.find((a) => planted.some((c) => c.patient === a.patient) && a.deleted_flag !== true) ??
      day.find((a) => a.patient !== null && a.deleted_flag !== true)!;
    const visitPatient = await server(`/api/patients/${String(visit.patient)}`);
    await openPatient(page, visitPatient);
    await openVisitBilling(page, today);
    // The payments section's own notice (the line items and the rest of the visit still show).
    const notice = page
      .locator('.fd-notice')
      .filter({ hasText: /Patient payments are not available to this drchrono account/ });
    await notice.waitFor();
    const details = notice.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await notice.getByText('Details', { exact: true }).click();
    const detailText = (await notice.locator('.fd-error-details__text').textContent()) ?? '';
    console.log(`[figure] refused endpoint's Details line: ${detailText}`);
    // The token was granted every scope asked for: the refusal is a staff permission.
    expect(detailText).toMatch(
      new RegExp(`^GET /api/patient_payments\\?… → 403 · ${permissionNote}`),
    );
    await page.screenshot({ path: '/tmp/frontdesk-diagnostics-details-1280.png' });
    sandbox.control.denyScopes([]);

    // The browser host's console said the same, in one line.
    expect(consoleLines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^drchrono GET /api/patient_payments\\?… → 403 \\(${permissionNote}.*\\) \\d+ ms$`,
        ),
      ),
    );

    // Settings → Help → Copy diagnostic report.
    await nav(page, 'Settings');
    const help = page.getByRole('region', { name: 'Help' });
    await help.scrollIntoViewIfNeeded();
    await help.getByRole('button', { name: 'Copy diagnostic report' }).click();
    await help.getByText(/^Copied: /).waitFor();
    await help.getByText('See what was copied').click();
    // The app's own pages may never read the clipboard (Permissions-Policy): read it from a page
    // of another origin, as the practice's e-mail would when pasting.
    const reader = await page.context().newPage();
    await reader.goto(`${sandbox.url}/__sandbox/state`);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.url });
    await reader.bringToFront();
    const report = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    await page.bringToFront();
    const shownReport = await help.getByLabel('Diagnostic report').inputValue();
    expect(shownReport).toBe(report);
    expect(report).toMatch(/^Frontdesk diagnostic report/);
    expect(report).toMatch(/\nWindow: .*Chrome\//);
    expect(report).toContain('GET /api/patient_payments?… → 403 ×');
    expect(report).toMatch(
      new RegExp(`GET /api/patient_payments\\?… → 403 ×\\d+, last \\S+ \\(${permissionNote}`),
    );
    // The capability table as seen: the payments refusal, read as a permission (scope granted).
    expect(report).toContain('What this drchrono account may do');
    expect(report).toMatch(
      /\n {2}Patient payments: read no \(permission: (it lacks the|drchrono refused the request, though the account has the) .*\)/,
    );
    expect(report).toMatch(/call PATCH \/api\/patients\/:id → 204 ok/);
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await help.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/frontdesk-diagnostics-help-${String(size.width)}.png` });
    }

    // The scan: the log files in the data folder, the copied report, the console lines.
    const logDir = join(host.dataDir, 'diagnostics');
    const files = await filesUnder(logDir);
    expect(files.length).toBeGreaterThan(0);
    const logs = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    const logLines = logs.split('\n').filter((l) => l !== '').length;
    expect(logLines).toBeGreaterThan(20);
    // Structure too: paths are templates (no id in a path), and no query parameter is written.
    expect(logs).not.toMatch(/\/api\/[a-z_]+\/\d/);
    expect(logs).not.toMatch(/[?&][a-z_]+=/);
    expect(logs).toMatch(/call GET \/api\/patients\/:id(\?…)? → 200 ok/);
    // The log file tells scope from permission as the console does, not only the scopes listed.
    expect(logs).toMatch(
      new RegExp(
        `call GET /api/patient_payments\\?… → 403 http \\d+ms retries=0 refused="${permissionNote}`,
      ),
    );
    const secrets = await collectSecrets(host, demoClient.clientSecret);
    const phi = [...canaries, ...patients.flatMap(patientValues), ...patientValues(visitPatient)];
    const places = { log: logs, report, console: consoleLines.join('\n') };
    let found = 0;
    for (const [place, text] of Object.entries(places)) {
      const inPlace = [...hits(text, phi), ...secrets.filter((s) => text.includes(s))];
      found += inPlace.length;
      expect(inPlace, place).toEqual([]);
    }
    console.log(
      `[figure] PHI canaries found in the diagnostic log: ${String(found)} (${String(canaries.length)} canaries + ${String(phi.length - canaries.length)} patient names, dates, phones, e-mails + ${String(secrets.length)} tokens/secret; ${String(logLines)} log lines in ${String(files.length)} file(s), report ${String(report.length)} chars, ${String(consoleLines.length)} console lines)`,
    );
  });
});
