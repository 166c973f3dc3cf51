import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../shared/contract';
import { traversalAttempts } from '../app/testing/traversal-attempts';
import { appProtocolFile } from './app-protocol-path';
import { keyProtectionOf } from './key-protection';
import { appOrigin, isAllowedNavigation } from './navigation';
import {
  defaultExternalHosts,
  externalHostsFor,
  openExternalSafely,
  safeExternalUrl,
} from './open-external';
import { createPreloadApi, exposeFrontdesk, type PreloadIpc } from './preload-api';
import { isTrustedSender } from './sender-check';
import { secureWebPreferences, webPreferenceViolations } from './web-preferences';

describe('window factory preferences', () => {
  it('are isolated, sandboxed and without Node everywhere', () => {
    const prefs = secureWebPreferences({
      preload: '/app/dist/preload/preload.cjs',
      isPackaged: true,
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(webPreferenceViolations(prefs, true)).toEqual([]);
    expect(secureWebPreferences({ preload: null, isPackaged: false }).devTools).toBe(true);
  });

  it('any weakened setting is reported, so the factory refuses the window', () => {
    const base = secureWebPreferences({ preload: '/p.cjs', isPackaged: true });
    for (const weaker of [
      { contextIsolation: false },
      { sandbox: false },
      { nodeIntegration: true },
      { nodeIntegrationInWorker: true },
      { nodeIntegrationInSubFrames: true },
      { webSecurity: false },
      { allowRunningInsecureContent: true },
      { webviewTag: true },
      { experimentalFeatures: true },
      { enableBlinkFeatures: 'CSSPaintAPI' },
      { devTools: true },
      { preload: 'relative/preload.js' },
    ]) {
      expect(
        webPreferenceViolations({ ...base, ...weaker }, true),
        JSON.stringify(weaker),
      ).not.toEqual([]);
    }
  });
});

describe('openExternal allow-list', () => {
  it('lets https drchrono pages out', () => {
    expect(safeExternalUrl('https://drchrono.com/api-management/')?.href).toBe(
      'https://drchrono.com/api-management/',
    );
    expect(safeExternalUrl('https://app.drchrono.com/o/authorize/?a=1')).not.toBeNull();
  });

  it.each([
    'http://drchrono.com/',
    'https://drchrono.com@evil.example/',
    'https://user:pass@drchrono.com/',
    'https://evil.example/?https://drchrono.com',
    'https://drchrono.com.evil.example/',
    'https://evildrchrono.com/',
    'https://drchrono.com:8443/',
    'https://evil.example\\@drchrono.com/',
    'javascript:alert(1)//https://drchrono.com',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'app://frontdesk/index.html',
    ' https://drchrono.com/',
    'https://drchrono.com/\n',
    'https://127.0.0.1/',
    'https://%64rchrono.com@evil.example',
    'not a url',
    '',
  ])('refuses %s', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it('only calls shell.openExternal for an allowed URL', async () => {
    const opened: string[] = [];
    const shell = {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    };
    expect(await openExternalSafely(shell, 'https://drchrono.com@evil.example/')).toBe(false);
    expect(await openExternalSafely(shell, 'https://drchrono.com/')).toBe(true);
    expect(opened).toEqual(['https://drchrono.com/']);
  });

  it('adds only the https host the app was started with, never a saved or http one', () => {
    expect(externalHostsFor({})).toEqual(defaultExternalHosts);
    expect(externalHostsFor({ DRCHRONO_BASE_URL: 'https://staging.drchrono.example' })).toEqual([
      ...defaultExternalHosts,
      'staging.drchrono.example',
    ]);
    for (const base of ['http://evil.example', 'https://evil.example:8443', 'nonsense']) {
      expect(externalHostsFor({ DRCHRONO_BASE_URL: base })).toEqual(defaultExternalHosts);
    }
  });
});

describe('navigation and senders', () => {
  it('keeps the app window on the app origin', () => {
    expect(isAllowedNavigation('app://frontdesk/index.html', [appOrigin])).toBe(true);
    expect(isAllowedNavigation('app://other/index.html', [appOrigin])).toBe(false);
    expect(isAllowedNavigation('https://evil.example/', [appOrigin])).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', [appOrigin])).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', [appOrigin])).toBe(false);
  });

  it('trusts only the main frame of our window at the app origin', () => {
    const windowIds = new Set([7]);
    const frame = { url: 'app://frontdesk/index.html', isMainFrame: true, detached: false };
    expect(isTrustedSender({ senderId: 7, frame }, { windowIds })).toBe(true);
    expect(isTrustedSender({ senderId: 8, frame }, { windowIds })).toBe(false);
    expect(
      isTrustedSender({ senderId: 7, frame: { ...frame, isMainFrame: false } }, { windowIds }),
    ).toBe(false);
    expect(
      isTrustedSender(
        { senderId: 7, frame: { ...frame, url: 'https://evil.example/' } },
        { windowIds },
      ),
    ).toBe(false);
    expect(
      isTrustedSender({ senderId: 7, frame: { ...frame, detached: true } }, { windowIds }),
    ).toBe(false);
    expect(isTrustedSender({ senderId: 7, frame: null }, { windowIds })).toBe(false);
  });
});

describe('key protection', () => {
  it('treats Linux basic_text and a missing key store as weak', () => {
    expect(
      keyProtectionOf({ available: true, platform: 'linux', linuxBackend: 'basic_text' }),
    ).toMatchObject({
      strong: false,
    });
    expect(keyProtectionOf({ available: false, platform: 'win32' })).toMatchObject({
      kind: 'none',
      strong: false,
    });
    expect(
      keyProtectionOf({ available: true, platform: 'linux', linuxBackend: 'gnome_libsecret' }),
    ).toEqual({
      kind: 'safeStorage',
      strong: true,
      warning: null,
    });
    expect(keyProtectionOf({ available: true, platform: 'darwin' }).strong).toBe(true);
  });
});

describe('preload API', () => {
  function fakeIpc() {
    const invoked: { channel: string; payload: unknown }[] = [];
    const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
    const ipc = {
      invoke: (channel: string, payload: unknown) => {
        invoked.push({ channel, payload });
        return Promise.resolve({ ok: true, value: {} });
      },
      on: (event: string, listener: (event: unknown, payload: unknown) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return ipc;
      },
      removeListener: (event: string, listener: (event: unknown, payload: unknown) => void) => {
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
        return ipc;
      },
    };
    return { ipc: ipc as unknown as PreloadIpc, invoked, listeners };
  }

  it('exposes exactly frontdesk.<domain>.<verb> for every channel, plus on()', async () => {
    const { ipc, invoked } = fakeIpc();
    const exposed: Record<string, unknown> = {};
    exposeFrontdesk({ exposeInMainWorld: (key, api) => (exposed[key] = api) }, ipc);
    expect(Object.keys(exposed)).toEqual(['frontdesk']);
    const api = exposed.frontdesk as Record<
      string,
      Record<string, (r?: unknown) => Promise<unknown>>
    >;
    const derived = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}:${verb}`))
      .sort();
    expect(derived).toEqual([...channelNames].sort());
    expect(typeof api.on).toBe('function');
    await api.appointments!.get!({ id: '5' });
    await api.app!.info!();
    expect(invoked).toEqual([
      { channel: 'appointments:get', payload: { id: '5' } },
      { channel: 'app:info', payload: undefined },
    ]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
  });

  it('event callbacks receive the payload only, and unsubscribe', () => {
    const { ipc, listeners } = fakeIpc();
    const api = createPreloadApi(ipc) as {
      on: (event: string, cb: (...args: unknown[]) => void) => () => void;
    };
    const received: unknown[][] = [];
    const off = api.on('lock:changed', (...args) => received.push(args));
    const fakeEvent = { sender: { send: () => undefined }, ports: [] };
    listeners.get('lock:changed')![0]!(fakeEvent, { locked: true });
    expect(received).toEqual([[{ locked: true }]]);
    off();
    expect(listeners.get('lock:changed')).toEqual([]);
    expect(() => api.on('not-an-event', () => undefined)).toThrow();
    expect(eventNames.length).toBeGreaterThan(0);
  });
});

describe('app:// protocol paths', () => {
  const root = '/opt/frontdesk/resources/app.asar/dist/renderer';

  it('serves the bundle from app://frontdesk/', () => {
    const index = appProtocolFile('app://frontdesk/index.html', root);
    expect(index.ok && index.file).toBe(`${root}/index.html`);
    const asset = appProtocolFile('app://frontdesk/assets/index-abc.js?v=1#x', root);
    expect(asset.ok && asset.file).toBe(`${root}/assets/index-abc.js`);
  });

  it.each([
    ...traversalAttempts.filter((a) => a.startsWith('/')).map((a) => `app://frontdesk${a}`),
    'app://other/index.html',
    'file:///etc/passwd',
    'https://frontdesk/index.html',
    'app://frontdesk.evil/index.html',
  ])('refuses %s', (url) => {
    expect(appProtocolFile(url, root).ok).toBe(false);
  });
});
