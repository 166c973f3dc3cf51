import type { Browser, BrowserContext } from 'playwright-core';
import type { WebHost } from '../../../electron/web-host';

/**
 * The browser host lets in only browsers that opened its printed `/?key=…` address (an HttpOnly,
 * SameSite=Strict cookie per port). The harness plays that user for every test browser: each
 * context gets the cookie of every running host, whichever was created first.
 */

export const runningHosts = new Set<WebHost>();
const browsers = new Set<Browser>();

export function trackBrowser(browser: Browser): void {
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
}

export async function letIn(context: BrowserContext): Promise<void> {
  const cookies = [...runningHosts].map((host) => ({
    name: host.cookie.name,
    value: host.cookie.value,
    domain: '127.0.0.1',
    path: '/',
    httpOnly: true,
    sameSite: 'Strict' as const,
  }));
  if (cookies.length > 0) await context.addCookies(cookies);
}

export async function letIntoRunningHosts(): Promise<void> {
  for (const browser of browsers) {
    for (const context of browser.contexts()) await letIn(context);
  }
}
