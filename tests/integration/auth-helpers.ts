import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port that was free a moment ago (the loopback listener needs a fixed one in its redirect URI). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

function unescapeHtml(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/**
 * The user's browser, minus the rendering: opens drchrono's authorize page, presses Authorize or
 * Cancel (posting the page's own hidden fields), and returns where drchrono redirects to.
 */
export async function consent(
  authorizeUrl: string,
  action: 'authorize' | 'cancel',
): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200)
    throw new Error(`authorize page answered ${String(page.status)}: ${html}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[unescapeHtml(match[1]!)] = unescapeHtml(match[2]!);
  }
  const decision = await fetch(new URL('/o/authorize/', authorizeUrl), {
    method: 'POST',
    body: new URLSearchParams({ ...fields, action }),
    redirect: 'manual',
  });
  const location = decision.headers.get('location');
  if (decision.status !== 302 || !location) throw new Error('authorize did not redirect');
  return location;
}

/** The browser following a redirect to the loopback listener. */
export async function visit(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

export async function refusesConnection(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}
