/**
 * The Content-Security-Policy of every page Frontdesk shows, in the desktop app (`app://`) and in
 * the browser host. Scripts only from the bundle, no connections but to the app itself (main does
 * every call to drchrono), no plugins, no framing, no <base> tricks. FullCalendar v6 injects its
 * styles at run time, hence `style-src 'unsafe-inline'` (styles cannot run code).
 */
export function contentSecurityPolicy(options: { formActions?: readonly string[] } = {}): string {
  const formAction = ["'self'", ...(options.formActions ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${formAction}`,
  ].join('; ');
}

/** Headers for every response of the app's own origin. */
export function securityHeaders(
  options: { formActions?: readonly string[] } = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), display-capture=(), clipboard-read=()',
  };
}
