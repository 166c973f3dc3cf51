import { appOrigin } from './navigation';

/**
 * Every web permission is refused (microphone, notifications, clipboard reads, …) except two, for
 * the app's own page in its main frame only: writing text to the clipboard (Settings → Help →
 * "Copy diagnostic report"; Chromium allows it only during a click, and it reads nothing), and the
 * camera alone, video without sound, for photographing an insurance card at the desk.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
  /** For `media`: the kinds asked for (`video`, `audio`). */
  mediaTypes?: readonly string[],
): boolean {
  const cameraOnly =
    permission === 'media' &&
    mediaTypes !== undefined &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'video');
  if (permission !== 'clipboard-sanitized-write' && !cameraOnly) return false;
  if (!isMainFrame || requestingUrl === undefined) return false;
  return requestingUrl === appOrigin || requestingUrl.startsWith(`${appOrigin}/`);
}
