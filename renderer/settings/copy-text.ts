/**
 * Writes text to the clipboard through the page's own Clipboard API (the browser host and
 * Electron's sandboxed window alike; the desktop app allows only this write, only for its own
 * page). False when there is no clipboard or it refused: the caller shows the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  // Absent on insecure origins, whatever the DOM types say.
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (clipboard === undefined) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The report as main wrote it, plus what only the window knows: its browser engine. */
export function withWindowInfo(report: string, userAgent: string): string {
  const [first, ...rest] = report.split('\n');
  return [first ?? '', `Window: ${userAgent.slice(0, 300)}`, ...rest].join('\n');
}
