/**
 * Where a Frontdesk window may go. The app window stays on the app origin; the demo sign-in
 * window may show only the sandbox's authorize page (and is closed when it reaches the redirect
 * URI). Everything else is cancelled; new windows are always denied.
 */

export const appOrigin = 'app://frontdesk';

export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    // `app://frontdesk` has origin "null" in WHATWG URL for non-special schemes: build it by hand.
    if (url.protocol === 'app:') return url.host === '' ? null : `app://${url.host}`;
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

export function isAllowedNavigation(raw: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== null && allowedOrigins.includes(origin);
}
