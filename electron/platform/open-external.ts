/**
 * The one exit from the app to the user's browser. Only https URLs to drchrono's own hosts leave;
 * everything else (other hosts, `javascript:`, `file:`, userinfo tricks such as
 * `https://drchrono.com@evil.example`, IP literals, odd ports) is refused.
 */

export const defaultExternalHosts = ['drchrono.com', 'www.drchrono.com', 'app.drchrono.com'];

/**
 * The hosts the system browser may be sent to for this run: the built-in list, plus the https
 * host of `DRCHRONO_BASE_URL` when whoever started the app configured one. Fixed at start-up:
 * nothing the window saves (connection settings included) ever widens it.
 */
export function externalHostsFor(env: Record<string, string | undefined>): readonly string[] {
  const configured = env.DRCHRONO_BASE_URL?.trim();
  if (!configured) return defaultExternalHosts;
  try {
    const url = new URL(configured);
    if (url.protocol !== 'https:' || url.port !== '' || url.username !== '') {
      return defaultExternalHosts;
    }
    const host = url.hostname.toLowerCase();
    return defaultExternalHosts.includes(host)
      ? defaultExternalHosts
      : [...defaultExternalHosts, host];
  } catch {
    return defaultExternalHosts;
  }
}

export function safeExternalUrl(
  raw: string,
  allowedHosts: readonly string[] = defaultExternalHosts,
): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  // Whitespace, backslashes and `@` before the query are where URL parsers disagree (userinfo
  // tricks): refuse them outright rather than trust one parser's reading.
  if (/[\s\\@]/.test(raw.split(/[?#]/)[0] ?? '') || /\s/.test(raw)) return null;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.includes(host)) return null;
  return url;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens `raw` in the system browser when it passes `safeExternalUrl`; says whether it did. */
export async function openExternalSafely(
  shell: ShellLike,
  raw: string,
  allowedHosts: readonly string[] = defaultExternalHosts,
): Promise<boolean> {
  const url = safeExternalUrl(raw, allowedHosts);
  if (!url) return false;
  // eslint-disable-next-line no-restricted-syntax -- this module is the allow-listed exit itself
  await shell.openExternal(url.href);
  return true;
}
