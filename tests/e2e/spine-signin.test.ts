import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTimezone, practiceTimezone, signIn, startStack, type Stack } from './harness';

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
});
