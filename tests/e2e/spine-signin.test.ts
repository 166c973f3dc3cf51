import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserTimezone,
  newPage,
  practiceTimezone,
  signIn,
  startHost,
  startSandbox,
  startStack,
  type Stack,
} from './harness';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack.close();
});

describe('spine: sign in through the browser host against the sandbox', () => {
  it('runs the browser in another time zone than the practice', async () => {
    const zone = await stack.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone).toBe(browserTimezone);
    expect(stack.sandbox.control.timezone).toBe(practiceTimezone);
  });

  it('signs in end to end and shows what crossed the stack', async () => {
    const { page, sandbox } = stack;
    const exchangesBefore = sandbox.control.counts().codeExchanges;
    await signIn(page);
    expect(sandbox.control.counts().codeExchanges).toBe(exchangesBefore + 1);
    const main = page.getByRole('main');
    // Today is the first screen; the practice summary is one click from it.
    await main.getByRole('heading', { level: 1, name: /^Today/ }).waitFor();
    await main.getByRole('button', { name: 'Practice summary' }).click();
    await main.getByRole('heading', { name: 'Doctors', exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/frontdesk-home.png', fullPage: true });
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('Signed in as');
    expect(text).toContain('frontdesk');
    expect(text).toContain('America/New_York');
    expect(text).toMatch(/Doctors \([23]\)/);
    expect(text).toMatch(/Offices \(2\)/);
    expect(text).toMatch(/[345] exam rooms/);
    expect(text).toMatch(/API calls this hour\d+ of \d+/);
  });

  it('keeps the status bar on screen in every area, under the key-protection banner too', async () => {
    const { page } = stack;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByText('Key protection:').waitFor();
    const layout: string[] = [];
    for (const area of ['Today', 'Calendar', 'Patients', 'Tasks', 'Outbox', 'Settings']) {
      await page.getByRole('navigation').getByRole('button', { name: area }).click();
      await page.waitForTimeout(300);
      layout.push(
        await page.evaluate((name) => {
          const bar = document.querySelector('.fd-statusbar')?.getBoundingClientRect();
          const page = document.documentElement;
          return `${name}: bar ${bar && bar.bottom <= innerHeight ? 'visible' : 'off screen'}, page ${page.scrollHeight > innerHeight ? 'scrolls' : 'fits'}`;
        }, area),
      );
    }
    expect(layout).toEqual(
      ['Today', 'Calendar', 'Patients', 'Tasks', 'Outbox', 'Settings'].map(
        (area) => `${area}: bar visible, page fits`,
      ),
    );
  });
});

describe('spine: sign-in failures say what happened and offer a retry', () => {
  it('denied consent, then a retry that succeeds', async () => {
    const page = await newPage(stack.browser);
    await page.goto(stack.host.url);
    // A fresh host session: sign out what the first test signed in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: /Connect to drchrono/ }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Sign-in was cancelled at drchrono' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.context().close();
  });

  it('a wrong client secret', async () => {
    const host = await startHost(stack.sandbox, {
      env: { DRCHRONO_CLIENT_SECRET: 'not-the-secret' },
    });
    const page = await newPage(stack.browser);
    try {
      await page.goto(host.url);
      await page.getByRole('button', { name: /Connect to drchrono/ }).click();
      await page.getByRole('button', { name: 'Authorize' }).click();
      await page.getByRole('heading', { name: 'Check the connection settings' }).waitFor();
      expect(await page.getByText(/did not accept the client ID and secret/).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
      expect(await page.content()).not.toContain('not-the-secret');
    } finally {
      await page.context().close();
      await host.close();
    }
  });

  it('an unreachable drchrono', async () => {
    // A port that was just free: nothing listens there.
    const gone = await startSandbox();
    const url = gone.url;
    await gone.close();
    const host = await startHost(stack.sandbox, { env: { DRCHRONO_BASE_URL: url } });
    const page = await newPage(stack.browser);
    try {
      await page.goto(host.url);
      // Start as the button does; the browser could not show drchrono's page, so answer as it
      // would have, on the host's callback: the code exchange then finds drchrono unreachable.
      const reply = (await page.evaluate(async () => {
        const response = await fetch('/ipc/auth%3AsignIn', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return (await response.json()) as unknown;
      })) as { value: { authorizeUrl: string } };
      const state = new URL(reply.value.authorizeUrl).searchParams.get('state') ?? '';
      await page.goto(`${host.url}/oauth/callback?code=any&state=${encodeURIComponent(state)}`);
      await page.getByRole('heading', { name: 'drchrono could not be reached' }).waitFor();
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
      await page.screenshot({ path: '/tmp/frontdesk-unreachable.png' });
    } finally {
      await page.context().close();
      await host.close();
    }
  });
});

describe('spine: the idle lock', () => {
  it('locking drops every data view; a fresh sign-in unlocks', async () => {
    const page = await newPage(stack.browser);
    try {
      await page.goto(stack.host.url);
      if (await page.getByRole('button', { name: /Connect to drchrono/ }).count())
        await signIn(page);
      await page.getByRole('button', { name: 'Practice summary' }).click();
      await page.getByRole('heading', { name: /Offices/ }).waitFor();
      const doctor =
        (await page.getByRole('main').getByRole('listitem').first().textContent()) ?? '';
      expect(doctor).toMatch(/^Dr\. /);
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByRole('heading', { name: 'Frontdesk is locked' }).waitFor();
      const locked = await page.content();
      expect(locked).not.toContain(doctor.split(' · ')[0]);
      expect(locked).not.toContain('Offices (');
      // While locked, data channels answer `locked` even to the page itself.
      const reply = (await page.evaluate(async () => {
        const response = await fetch('/ipc/practice%3Aget', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return (await response.json()) as unknown;
      })) as { ok: boolean; error?: { code: string } };
      expect(reply.error?.code).toBe('locked');
      await page.getByRole('button', { name: 'Sign in to drchrono to unlock' }).click();
      await page.getByRole('button', { name: 'Authorize' }).click();
      // Unlocked where the desk was (the lock is not a sign-out).
      await page.getByRole('heading', { name: /Offices/ }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});
