import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { isAllowedNavigation, appOrigin, originOf } from './navigation';
import { openExternalSafely } from './open-external';
import { secureWebPreferences, webPreferenceViolations } from './web-preferences';

/**
 * Every window comes from here, with the one secure set of preferences. Any other web contents
 * (a <webview>, a window opened by a page) is refused by the guard installed at startup.
 */

/** Where each of our windows may navigate; contents not in here may go nowhere. */
const allowedOrigins = new WeakMap<WebContents, readonly string[]>();

function createWindow(
  options: Electron.BrowserWindowConstructorOptions & {
    preload: string | null;
    origins: readonly string[];
  },
): BrowserWindow {
  const { preload, origins, ...rest } = options;
  const webPreferences = secureWebPreferences({ preload, isPackaged: app.isPackaged });
  const violations = webPreferenceViolations(webPreferences, app.isPackaged);
  if (violations.length > 0)
    throw new Error(`Refusing an insecure window: ${violations.join('; ')}`);
  const window = new BrowserWindow({ ...rest, webPreferences });
  allowedOrigins.set(window.webContents, origins);
  return window;
}

/** Installed once, before any window: what every web contents may and may not do. */
export function installWebContentsGuard(): void {
  app.on('web-contents-created', (_event, contents) => {
    if (contents.getType() === 'webview') {
      contents.close();
      return;
    }
    // Nothing but the windows made by createWindow (and DevTools, from source) may live: once the
    // constructor has returned, anything unregistered is closed.
    setImmediate(() => {
      if (app.isPackaged && !allowedOrigins.has(contents) && !contents.isDestroyed()) {
        contents.close();
      }
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links to drchrono open in the system browser; nothing opens inside the app.
      void openExternalSafely(shell, url);
      return { action: 'deny' };
    });
    const allowed = (url: string): boolean =>
      isAllowedNavigation(url, allowedOrigins.get(contents) ?? []);
    const guard = (event: Electron.Event, url: string): void => {
      if (!allowed(url)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (details) => {
      if (!allowed(details.url)) details.preventDefault();
    });
  });
}

export function createAppWindow(preload: string): BrowserWindow {
  const window = createWindow({
    preload,
    origins: [appOrigin],
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Frontdesk',
    backgroundColor: '#f6f7f9',
  });
  window.removeMenu();
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

/**
 * The demo practice's consent page in an app window (RFC 8252 asks for the system browser for
 * real accounts; the embedded sandbox is ours). It may show only the sandbox and the loopback
 * callback, and closes once the callback page has loaded.
 */
export function openDemoSignInWindow(
  parent: BrowserWindow | null,
  authorizeUrl: string,
  redirectUri: string,
): BrowserWindow {
  const redirectOrigin = originOf(redirectUri);
  const authorizeOrigin = originOf(authorizeUrl);
  const window = createWindow({
    preload: null,
    origins: [authorizeOrigin, redirectOrigin].filter((o): o is string => o !== null),
    width: 640,
    height: 720,
    title: 'Sign in to the demo practice',
    ...(parent ? { parent, modal: true } : {}),
  });
  window.removeMenu();
  window.webContents.on('did-navigate', (_event, url) => {
    if (originOf(url) === redirectOrigin) {
      setTimeout(() => {
        if (!window.isDestroyed()) window.close();
      }, 800);
    }
  });
  void window.loadURL(authorizeUrl);
  return window;
}
