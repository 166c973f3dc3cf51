import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { UiProviders } from '../ui';
import { CapabilityTable } from './CapabilityTable';

const yes = { state: 'yes', why: null, reason: null } as const;
const unknown = { state: 'unknown', why: null, reason: null } as const;

const frontDesk: Capabilities = {
  scopes: ['calendar:read', 'calendar:write'],
  features: [
    { feature: 'calendar', label: 'Appointments (calendar)', read: yes, write: yes, checkedAt: 1 },
    {
      feature: 'billing',
      label: 'Billing (line items, transactions)',
      read: { state: 'no', why: 'permission', reason: 'it lacks the “Access Billing” permission' },
      write: unknown,
      checkedAt: 1,
    },
    {
      feature: 'customFields',
      label: 'Custom demographics',
      read: unknown,
      write: null,
      checkedAt: null,
    },
  ],
};

describe('capability table', () => {
  it('shows each feature, read and write, why not, and follows capabilities:changed', async () => {
    let table = frontDesk;
    const fake = createFakeApi({ 'capabilities:get': () => ({ ok: true, value: table }) });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <CapabilityTable />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const billing = (await screen.findByRole('rowheader', { name: /Billing/ })).closest('tr');
    if (!billing) throw new Error('no billing row');
    expect(within(billing).getByText(/it lacks the “Access Billing” permission/)).toBeTruthy();
    expect(within(billing).getByText(/\(permission\)/)).toBeTruthy();
    expect(within(billing).getByText('Not checked yet')).toBeTruthy();
    const custom = screen.getByRole('rowheader', { name: 'Custom demographics' }).closest('tr');
    expect(custom?.textContent).toContain('Not used');

    table = {
      ...frontDesk,
      features: frontDesk.features.map((f) => (f.feature === 'billing' ? { ...f, read: yes } : f)),
    };
    fake.emit('capabilities:changed', table);
    expect(
      await screen.findByText(/Yes/, { selector: '[data-feature="billing"] td' }),
    ).toBeTruthy();
  });
});
