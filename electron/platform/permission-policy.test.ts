import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permission-policy';

describe('web permissions in the desktop app', () => {
  it('allows the camera alone (no microphone) to the app page, for card photos', () => {
    const page = 'app://frontdesk/index.html';
    expect(permissionAllowed('media', page, true, ['video'])).toBe(true);
    expect(permissionAllowed('media', page, true, ['video', 'audio'])).toBe(false);
    expect(permissionAllowed('media', page, true, ['audio'])).toBe(false);
    expect(permissionAllowed('media', page, true, [])).toBe(false);
    expect(permissionAllowed('media', page, false, ['video'])).toBe(false);
    expect(permissionAllowed('media', 'https://drchrono.com/', true, ['video'])).toBe(false);
  });

  it('allows only a clipboard write from the app page’s main frame', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://frontdesk/index.html', true)).toBe(
      true,
    );
    expect(permissionAllowed('clipboard-sanitized-write', 'app://frontdesk', true)).toBe(true);
  });

  it('refuses everything else: reads, other permissions, subframes, other origins', () => {
    const refused: [string, string | undefined, boolean][] = [
      ['clipboard-read', 'app://frontdesk/index.html', true],
      ['media', 'app://frontdesk/index.html', true],
      ['geolocation', 'app://frontdesk/index.html', true],
      ['notifications', 'app://frontdesk/index.html', true],
      ['clipboard-sanitized-write', 'app://frontdesk/index.html', false],
      ['clipboard-sanitized-write', 'app://frontdesk.evil/index.html', true],
      ['clipboard-sanitized-write', 'app://frontdeskx/', true],
      ['clipboard-sanitized-write', 'http://127.0.0.1:5190/o/authorize/', true],
      ['clipboard-sanitized-write', 'https://drchrono.com/', true],
      ['clipboard-sanitized-write', undefined, true],
    ];
    for (const [permission, url, mainFrame] of refused) {
      expect(permissionAllowed(permission, url, mainFrame), `${permission} ${String(url)}`).toBe(
        false,
      );
    }
  });
});
