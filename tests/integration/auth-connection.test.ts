import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionService } from '../../electron/auth';
import { createSecureStore, createTestKeyWrapper, type SecureStore } from '../../electron/store';

const demo = {
  baseUrl: 'http://127.0.0.1:5999',
  clientId: 'frontdesk-demo',
  clientSecret: 'frontdesk-demo-secret',
  redirectUri: 'http://127.0.0.1:5998/callback',
};
const secret = 'S3CRET-practice-client-secret-value';

let dir: string;
let secure: SecureStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-conn-'));
  secure = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('connection settings', () => {
  it('runs the demo practice when nothing is configured', async () => {
    const service = createConnectionService({ env: {}, secure, demo });
    expect(await service.resolve()).toEqual({ mode: 'demo', ...demo });
    expect(await service.view()).toEqual({
      clientId: 'frontdesk-demo',
      redirectUri: demo.redirectUri,
      baseUrl: demo.baseUrl,
      hasSecret: true,
      source: 'demo',
    });
  });

  it('saves the practice application encrypted, never shows the secret, keeps it when omitted', async () => {
    const service = createConnectionService({ env: {}, secure, demo });
    const saved = await service.save({
      clientId: ' abc123 ',
      clientSecret: secret,
      redirectUri: 'http://127.0.0.1:53682/callback',
    });
    expect(saved).toEqual({
      ok: true,
      value: {
        clientId: 'abc123',
        redirectUri: 'http://127.0.0.1:53682/callback',
        baseUrl: 'https://drchrono.com',
        hasSecret: true,
        source: 'settings',
      },
    });
    await service.save({ clientId: 'abc123', redirectUri: 'http://127.0.0.1:53682/cb2' });
    expect(await service.resolve()).toMatchObject({
      mode: 'drchrono',
      clientSecret: secret,
      redirectUri: 'http://127.0.0.1:53682/cb2',
    });
    expect(JSON.stringify(await service.view())).not.toContain(secret);
    const raw = Buffer.concat(
      await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f)))),
    );
    expect(raw.includes(Buffer.from(secret))).toBe(false);
    expect(await service.clear()).toMatchObject({ source: 'demo' });
  });

  it('refuses redirect URIs and server addresses that are not http(s)', async () => {
    const service = createConnectionService({ env: {}, secure });
    for (const redirectUri of [
      'ftp://x/cb',
      'javascript:alert(1)',
      '127.0.0.1:5180/cb',
      'http://u:p@host/cb',
      'http://host/cb#frag',
      '',
    ]) {
      const result = await service.save({ clientId: 'abc', clientSecret: 's', redirectUri });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { redirectUri: expect.any(String) as string } },
      });
    }
    const badBase = await service.save({
      clientId: 'abc',
      clientSecret: 's',
      redirectUri: 'https://x.example/cb',
      baseUrl: 'file:///etc',
    });
    expect(badBase).toMatchObject({
      ok: false,
      error: { fields: { baseUrl: expect.any(String) as string } },
    });
    expect(await service.view()).toMatchObject({ clientId: '', hasSecret: false });
  });

  it('lets environment variables win over saved settings, without pairing another app’s secret', async () => {
    await createConnectionService({ env: {}, secure }).save({
      clientId: 'saved-app',
      clientSecret: secret,
      redirectUri: 'http://127.0.0.1:1111/cb',
      baseUrl: 'https://app.drchrono.com/',
    });
    const envOnlyBase = createConnectionService({
      env: { DRCHRONO_BASE_URL: 'http://127.0.0.1:5190' },
      secure,
    });
    expect(await envOnlyBase.resolve()).toMatchObject({
      clientId: 'saved-app',
      clientSecret: secret,
      baseUrl: 'http://127.0.0.1:5190',
    });
    const other = createConnectionService({
      env: {
        DRCHRONO_CLIENT_ID: 'env-app',
        DRCHRONO_REDIRECT_URI: 'http://127.0.0.1:5180/oauth/callback',
      },
      secure,
    });
    expect(await other.resolve()).toEqual({
      mode: 'drchrono',
      clientId: 'env-app',
      clientSecret: '',
      baseUrl: 'https://drchrono.com',
      redirectUri: 'http://127.0.0.1:5180/oauth/callback',
    });
    expect(await other.view()).toMatchObject({ source: 'environment', hasSecret: false });
  });

  it('uses the host’s default redirect URI when none is given', async () => {
    const service = createConnectionService({
      env: { DRCHRONO_CLIENT_ID: 'x', DRCHRONO_CLIENT_SECRET: 'y' },
      secure,
      defaultRedirectUri: 'http://127.0.0.1:5180/oauth/callback',
    });
    expect((await service.resolve()).redirectUri).toBe('http://127.0.0.1:5180/oauth/callback');
  });
});
