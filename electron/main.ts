import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, ipcMain, session, shell } from 'electron';
import { createServices, type AppRuntime } from './app/create-services';
import { createConsoleLogger } from './app/log';
import type { Platform } from './app/services';
import { registerAppScheme, serveApp } from './platform/app-protocol';
import { createElectronPlainStore } from './platform/electron-plain-store';
import { bindIpc } from './platform/ipc';
import { defaultExternalHosts, openExternalSafely } from './platform/open-external';
import { permissionAllowed } from './platform/permission-policy';
import { watchPower } from './platform/power';
import { createSafeStorageKeyWrapper } from './platform/safe-storage-key-wrapper';
import { createAppWindow, installWebContentsGuard, openDemoSignInWindow } from './platform/windows';

/**
 * The Electron main process: the same services and handler table as the browser host, behind a
 * sandboxed, context-isolated window on `app://frontdesk`, with OS key protection, the loopback
 * OAuth callback and the OS's lock/idle signals.
 */

/** drchrono compares redirect URIs exactly, so the desktop app listens on a fixed port. */
const defaultRedirectUri = 'http://127.0.0.1:5181/oauth/callback';
const here = import.meta.dirname;
const logger = createConsoleLogger();

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let runtime: AppRuntime | null = null;

async function start(): Promise<void> {
  const dataDir = process.env.FRONTDESK_DATA_DIR?.trim() || app.getPath('userData');
  serveApp(join(here, '../renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(permissionAllowed(permission, details.requestingUrl, details.isMainFrame, media));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(
      permission,
      details.requestingUrl,
      details.isMainFrame,
      details.mediaType ? [details.mediaType] : undefined,
    ),
  );
  installWebContentsGuard();

  const platform: Platform = {
    keyWrapper: createSafeStorageKeyWrapper(),
    async openAuthorizePage(url, mode) {
      if (mode === 'demo') {
        const redirect = new URL(url).searchParams.get('redirect_uri') ?? defaultRedirectUri;
        openDemoSignInWindow(mainWindow, url, redirect);
        return 'main';
      }
      // Real accounts sign in in the system browser (RFC 8252), on drchrono's own host only.
      const base = new URL((await runtime?.services.connection.resolve())?.baseUrl ?? url);
      const hosts =
        base.protocol === 'https:'
          ? [...defaultExternalHosts, base.hostname]
          : defaultExternalHosts;
      if (!(await openExternalSafely(shell, url, hosts))) {
        throw new Error('The authorize page is not on an allowed drchrono host.');
      }
      return 'main';
    },
    callback: 'loopback',
  };

  runtime = await createServices({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    platform,
    env: process.env,
    defaultRedirectUri,
    logger,
    plain: createElectronPlainStore(dataDir),
  });
  await runtime.start();
  const stopIpc = bindIpc(ipcMain, runtime.dispatch, runtime.services.events, () =>
    mainWindow ? [mainWindow] : [],
  );
  const stopPower = watchPower(runtime.services.lock);

  mainWindow = createAppWindow(join(here, '../preload/preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !runtime) return;
    // Let the outbox and caches settle before the process ends.
    event.preventDefault();
    quitting = true;
    stopPower();
    stopIpc();
    void runtime.stop().finally(() => {
      app.quit();
    });
  });
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

app.on('window-all-closed', () => {
  app.quit();
});

app.whenReady().then(start, (error: unknown) => {
  logger.log('error', 'main', error instanceof Error ? error.name : 'startup failed');
  app.quit();
});
