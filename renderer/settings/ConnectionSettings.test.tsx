import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionSettings as Settings } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { UiProviders } from '../ui';
import { ConnectionSettings } from './ConnectionSettings';

const saved: Settings = {
  clientId: 'abc123',
  redirectUri: 'http://127.0.0.1:5181/oauth/callback',
  baseUrl: 'https://drchrono.com',
  hasSecret: true,
  source: 'settings',
};

function setup(current: Settings) {
  let view = current;
  const fake = createFakeApi({
    'settings:getConnection': () => ({ ok: true, value: view }),
    'settings:saveConnection': (request) => {
      view = { ...view, clientId: request.clientId, source: 'settings', hasSecret: true };
      return { ok: true, value: view };
    },
  });
  render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <ConnectionSettings />
      </UiProviders>
    </FrontdeskProvider>,
  );
  return fake;
}

describe('connection settings', () => {
  it('explains the registration with the exact redirect URI, and never shows the secret', async () => {
    setup(saved);
    expect(await screen.findByText('http://127.0.0.1:5181/oauth/callback')).toBeTruthy();
    expect(screen.getByText(/Test Mode/)).toBeTruthy();
    const secret = screen.getByLabelText<HTMLInputElement>('Client secret');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(screen.getByText('A secret is stored. Leave this empty to keep it.')).toBeTruthy();
  });

  it('an empty secret keeps the stored one; a typed secret leaves the page once saved', async () => {
    const fake = setup(saved);
    const clientId = await screen.findByLabelText<HTMLInputElement>(/^Client ID/);
    await userEvent.clear(clientId);
    await userEvent.type(clientId, 'new-client');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => {
      expect(fake.calls.some((c) => c.channel === 'settings:saveConnection')).toBe(true);
    });
    expect(fake.calls.find((c) => c.channel === 'settings:saveConnection')?.request).toEqual({
      clientId: 'new-client',
      redirectUri: saved.redirectUri,
      baseUrl: saved.baseUrl,
    });
    await userEvent.type(screen.getByLabelText('Client secret'), 'typed-secret-value');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.channel === 'settings:saveConnection')).toHaveLength(2);
    });
    await waitFor(() => {
      expect(document.body.innerHTML).not.toContain('typed-secret-value');
    });
  });

  it('refuses a redirect URI that is not http(s) before sending anything', async () => {
    const fake = setup({ ...saved, source: 'demo', clientId: 'frontdesk-demo' });
    await userEvent.type(await screen.findByLabelText(/^Client ID/), 'abc');
    // The demo practice's secret is not the practice's: nothing to keep.
    expect(screen.queryByText(/A secret is stored/)).toBeNull();
    const redirect = screen.getByLabelText(/^Redirect URI/);
    await userEvent.clear(redirect);
    await userEvent.type(redirect, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText(/A redirect URI starting with http/)).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'settings:saveConnection')).toBe(false);
  });

  it('with environment variables, says where to change them instead of a form', async () => {
    setup({ ...saved, source: 'environment' });
    expect(await screen.findByText(/come from environment variables/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save connection' })).toBeNull();
  });
});
