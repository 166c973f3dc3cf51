import type { Browser, Page } from 'playwright-core';
import type { SandboxServerOptions } from '../../../electron/sandbox';
import { launchBrowser, newPage } from './browser';
import { startHost, type HostOptions, type WebHost } from './host';
import { startSandbox, type SandboxServer } from './sandbox';

export interface StackOptions {
  sandbox?: SandboxServerOptions;
  host?: HostOptions;
  timezoneId?: string;
}

export interface Stack {
  sandbox: SandboxServer;
  host: WebHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Sandbox, host and a browser page on the host's URL, stopped together by `close()`. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sandbox = await startSandbox(options.sandbox);
  const host = await startHost(sandbox, options.host).catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await host.close();
    await sandbox.close();
    throw error;
  });
  const page = await newPage(browser, options.timezoneId ? { timezoneId: options.timezoneId } : {});
  // As a user would: the printed address with the run key, which then redirects to the app.
  await page.goto(host.openUrl);
  return {
    sandbox,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      await sandbox.close();
    },
  };
}
