import type { WebPreferences } from 'electron';

/**
 * The one `webPreferences` every Frontdesk window gets. The renderer is treated as untrusted web
 * content: isolated from the preload, sandboxed, without Node anywhere (workers and subframes
 * included), with web security on, no mixed content and no <webview>. DevTools only when running
 * from source.
 */
export function secureWebPreferences(options: {
  /** Absolute path of the bundled preload; none for windows that show other sites (sign-in). */
  preload: string | null;
  isPackaged: boolean;
}): WebPreferences {
  return {
    ...(options.preload === null ? {} : { preload: options.preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !options.isPackaged,
  };
}

/** What must hold for any window we open; the factory refuses to create one that breaks it. */
export function webPreferenceViolations(prefs: WebPreferences, isPackaged: boolean): string[] {
  const violations: string[] = [];
  const must = <K extends keyof WebPreferences>(key: K, value: WebPreferences[K]): void => {
    if (prefs[key] !== value) violations.push(`${key} must be ${JSON.stringify(value)}`);
  };
  must('contextIsolation', true);
  must('sandbox', true);
  must('nodeIntegration', false);
  must('nodeIntegrationInWorker', false);
  must('nodeIntegrationInSubFrames', false);
  must('webSecurity', true);
  must('allowRunningInsecureContent', false);
  must('webviewTag', false);
  must('experimentalFeatures', false);
  if (prefs.enableBlinkFeatures) violations.push('enableBlinkFeatures must be empty');
  if (isPackaged && prefs.devTools !== false) violations.push('devTools must be off when packaged');
  if (prefs.preload !== undefined && !/^(\/|[A-Za-z]:\\)/.test(prefs.preload)) {
    violations.push('preload must be an absolute path');
  }
  return violations;
}
