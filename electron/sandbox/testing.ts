import { VirtualClock } from '../../shared/time/clock';
import { createSandbox, type Sandbox } from './app';
import type { SandboxOptions } from './options';

/**
 * Helpers for tests that talk to an in-process sandbox: a VirtualClock at a fixed instant and a
 * small `call` that returns status, parsed body and headers.
 */

export const testBase = 'http://127.0.0.1:5190';
export const testRedirect = 'http://127.0.0.1:5180/oauth/callback';
/** Wednesday 2025-03-12, 10:30 in New York (after the March DST change). */
export const testStart = Date.parse('2025-03-12T14:30:00Z');

export function testSandbox(options: SandboxOptions = {}): { sb: Sandbox; clock: VirtualClock } {
  const clock = options.clock instanceof VirtualClock ? options.clock : new VirtualClock(testStart);
  const sb = createSandbox({ redirectUris: [testRedirect], ...options, clock });
  return { sb, clock };
}

export interface CallResult {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export async function call(
  sb: Sandbox,
  method: string,
  path: string,
  opts: {
    token?: string;
    json?: unknown;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const url = path.startsWith('http') ? path : `${testBase}${path}`;
  const response = await sb.handle(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text)
    parsed = JSON.parse(text);
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** A bearer token for the demo client without the browser step. */
export function demoToken(sb: Sandbox): string {
  return sb.control.issueTokens().access_token;
}
