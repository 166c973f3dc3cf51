import { appOrigin } from './navigation';

/**
 * Every web permission is refused (camera, notifications, clipboard reads, …) except one: writing
 * text to the clipboard from the app's own page, main frame only, for Settings → Help → "Copy
 * diagnostic report". Chromium allows that write only during a click, and it reads nothing.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
): boolean {
  if (permission !== 'clipboard-sanitized-write' || !isMainFrame || requestingUrl === undefined) {
    return false;
  }
  return requestingUrl === appOrigin || requestingUrl.startsWith(`${appOrigin}/`);
}
