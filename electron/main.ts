import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, session, shell } from 'electron';
import { createServices, type AppRuntime } from './app/create-services';
import { createConsoleLogger } from './app/log';
import type { Platform } from './app/services';
import { installAppMenu } from './platform/app-menu';
import { resetSentences } from './app/startup-notices';
import { registerAppScheme, serveApp } from './platform/app-protocol';
import { openElectronPlainStore } from './platform/electron-plain-store';
import { bindIpc } from './platform/ipc';
import { externalHostsFor, openExternalSafely } from './platform/open-external';
import { permissionAllowed } from './platform/permission-policy';
import { watchPower } from './platform/power';
import { createElectronPrinter } from './platform/printer';
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
const externalHosts = externalHostsFor(process.env);

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
      // Real accounts sign in in the system browser (RFC 8252), on drchrono's own hosts only:
      // the list is fixed at start-up, never taken from the saved settings.
      if (!(await openExternalSafely(shell, url, externalHosts))) {
        throw new Error('The authorize page is not on an allowed drchrono host.');
      }
      return 'main';
    },
    callback: 'loopback',
    printer: createElectronPrinter(() => mainWindow),
  };

  const plain = openElectronPlainStore(dataDir);
  runtime = await createServices({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    platform,
    env: process.env,
    defaultRedirectUri,
    logger,
    plain: plain.store,
    startupNotices: plain.keptAs ? [resetSentences.settings(plain.keptAs)] : [],
    // "Start fresh" after a damaged data key: the saved data is already aside; start again.
    restartFresh: () => {
      app.relaunch();
      app.exit(0);
      return Promise.resolve();
    },
  });
  await runtime.start();
  const stopIpc = bindIpc(ipcMain, runtime.dispatch, runtime.services.events, () =>
    mainWindow ? [mainWindow] : [],
  );
  const stopPower = watchPower(runtime.services.lock);

  mainWindow = createAppWindow(join(here, '../preload/preload.cjs'));
  installAppMenu(mainWindow);
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

/** Whatever stopped start-up, said in a window (not only a log line), then quit. */
function startupFailed(error: unknown): void {
  const what = error instanceof Error ? error.message : 'An unknown error stopped start-up.';
  logger.log('error', 'main', error instanceof Error ? error.name : 'startup failed');
  try {
    dialog.showErrorBox(
      'Frontdesk could not start',
      `${what}\n\nNothing was deleted. If this keeps happening, send this message to whoever supports Frontdesk.`,
    );
  } finally {
    app.quit();
  }
}

// Every rejection of start (and of whenReady) ends in startupFailed: never a process without a
// window and without a word.
app.whenReady().then(start).catch(startupFailed);
