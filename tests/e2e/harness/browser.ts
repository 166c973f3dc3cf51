import { chromium, type Browser, type Page } from 'playwright-core';
import { letIn, trackBrowser } from './let-in';

/** The sandbox's practice zone, and a browser zone far from it: times must never follow the PC. */
export const practiceTimezone = 'America/New_York';
export const browserTimezone = 'Asia/Tokyo';

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  trackBrowser(browser);
  return browser;
}

/** A fresh context (no shared storage) in the browser time zone, and a page in it. */
export async function newPage(
  browser: Browser,
  options: { timezoneId?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    timezoneId: options.timezoneId ?? browserTimezone,
    locale: 'en-US',
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  await letIn(context);
  return context.newPage();
}
