import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, signIn, startStack, type Stack } from './harness';

/**
 * The browser host listens on 127.0.0.1, where any web page the user opens can send requests.
 * A page from another origin (another port on 127.0.0.1) tries every way a browser lets it
 * reach the host: none of them runs a handler, reads an answer or hears an event.
 */

let stack: Stack;
/** Another site on this machine: a plain page with no policy of its own. */
let evilSite: Server;
let evilUrl: string;

beforeAll(async () => {
  stack = await startStack();
  await signIn(stack.page);
  evilSite = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Another site</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => evilSite.listen(0, '127.0.0.1', resolve));
  evilUrl = `http://127.0.0.1:${(evilSite.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => evilSite.close(resolve));
});

describe('browser host against a cross-origin page', () => {
  it('refuses calls, reads and event streams from another origin', async () => {
    const { host } = stack;
    const evil = await newPage(stack.browser);
    await evil.goto(evilUrl);
    const attempts = await evil.evaluate(async (target) => {
      const outcomes: Record<string, string> = {};
      const attempt = async (name: string, run: () => Promise<string>): Promise<void> => {
        try {
          outcomes[name] = await run();
        } catch (error) {
          outcomes[name] = `blocked: ${(error as Error).name}`;
        }
      };
      // A JSON call needs a preflight the host never grants.
      await attempt('json lock', async () => {
        const r = await fetch(`${target}/ipc/lock%3Alock`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return `read ${String(r.status)}: ${await r.text()}`;
      });
      // "Simple" requests go out without a preflight, but are not JSON and carry a foreign Origin.
      await attempt('simple lock', async () => {
        const r = await fetch(`${target}/ipc/lock%3Alock`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'Content-Type': 'text/plain' },
          body: '{}',
        });
        return `opaque ${r.type}`;
      });
      await attempt('simple sign-out', async () => {
        const r = await fetch(`${target}/ipc/auth%3AsignOut`, {
          method: 'POST',
          mode: 'no-cors',
          body: new URLSearchParams({ discardUnsent: 'true' }),
        });
        return `opaque ${r.type}`;
      });
      await attempt('read practice', async () => {
        const r = await fetch(`${target}/ipc/practice%3Aget`, { method: 'POST', body: '{}' });
        return `read ${String(r.status)}: ${await r.text()}`;
      });
      await attempt('events', () => {
        return new Promise<string>((resolve) => {
          const source = new EventSource(`${target}/events`);
          source.onopen = () => {
            resolve('open');
            source.close();
          };
          source.onerror = () => {
            resolve('blocked');
            source.close();
          };
        });
      });
      // A form posted across sites (the classic CSRF) is text/urlencoded with a foreign Origin.
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${target}/ipc/lock%3Alock`;
      form.target = 'sink';
      const frame = document.createElement('iframe');
      frame.name = 'sink';
      document.body.append(frame, form);
      form.submit();
      await new Promise((r) => setTimeout(r, 500));
      return outcomes;
    }, host.url);

    expect(attempts['json lock']).toMatch(/^blocked/);
    // Sent, but unreadable: the host's Cross-Origin-Resource-Policy blocks even opaque answers.
    expect(attempts['simple lock']).toMatch(/^blocked/);
    expect(attempts['simple sign-out']).toMatch(/^blocked/);
    expect(attempts['read practice']).toMatch(/^blocked/);
    expect(attempts.events).toBe('blocked');
    expect(host.runtime.services.lock.isLocked()).toBe(false);
    expect(host.runtime.services.auth.status().state).toBe('signed-in');
    console.log(
      `[figure] cross-origin attempts on the browser host: ${Object.keys(attempts).length + 1}, handlers run: 0`,
    );
    await evil.context().close();
  });

  it('the app’s own page still works afterwards', async () => {
    const text = await stack.page.evaluate(async () => {
      const r = await fetch('/ipc/auth%3Astatus', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return r.text();
    });
    expect(text).toContain('"state":"signed-in"');
  });
});
