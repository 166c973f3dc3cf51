import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result';
import { FrontdeskProvider } from '../../bridge';
import { createFakeApi } from '../../bridge/fake-api';
import { UiProviders } from '../../ui';
import { ProfilesSettings } from './ProfilesSettings';

const profile = {
  id: 5,
  name: 'Annual physical',
  color: '#3a87ad',
  duration: 30,
  reason: 'Physical',
};

function mount(fake: ReturnType<typeof createFakeApi>) {
  render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <ProfilesSettings />
      </UiProviders>
    </FrontdeskProvider>,
  );
}

describe('ProfilesSettings', () => {
  it('creates a profile with one call and lists it after main refreshes', async () => {
    let profiles = [profile];
    const fake = createFakeApi({
      'profiles:list': () => ok(profiles),
      'profiles:create': (r) => {
        const created = { id: 9, ...r.profile };
        profiles = [...profiles, created];
        return ok(created);
      },
    });
    mount(fake);
    expect(await screen.findByText('Annual physical')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New profile' }));
    await userEvent.type(screen.getByLabelText(/^Name/), 'Flu shot');
    const duration = screen.getByLabelText(/Duration/);
    await userEvent.clear(duration);
    await userEvent.type(duration, '10');
    await userEvent.type(screen.getByLabelText('Default reason'), 'Seasonal flu vaccine');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Flu shot')).toBeTruthy();
    const creates = fake.calls.filter((c) => c.channel === 'profiles:create');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.request).toEqual({
      profile: {
        name: 'Flu shot',
        color: '#3a87ad',
        duration: 10,
        reason: 'Seasonal flu vaccine',
        online_scheduling: false,
      },
    });
  });

  it('edits only what changed, and keeps the form with the message when offline', async () => {
    const fake = createFakeApi({
      'profiles:list': () => ok([profile]),
      'profiles:update': () =>
        err(
          'offline',
          'drchrono cannot be reached, so calendar settings cannot be changed right now.',
        ),
    });
    mount(fake);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Annual physical' }));
    const duration = screen.getByLabelText(/Duration/);
    await userEvent.clear(duration);
    await userEvent.type(duration, '45');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/cannot be changed right now/)).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'profiles:update')?.request).toEqual({
      id: 5,
      changes: { duration: 45 },
    });
    expect(screen.getByLabelText<HTMLInputElement>(/Duration/).value).toBe('45');
  });

  it('asks before Cancel throws away an edit, and keeps it when told to', async () => {
    const fake = createFakeApi({ 'profiles:list': () => ok([profile]) });
    mount(fake);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Annual physical' }));
    await userEvent.type(screen.getByLabelText('Default reason'), ' (yearly)');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText<HTMLInputElement>('Default reason').value).toBe(
      'Physical (yearly)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Edit Annual physical' })).toBeNull();
    });
    expect(fake.calls.filter((c) => c.channel === 'profiles:update')).toHaveLength(0);
  });

  it('archives after asking', async () => {
    const fake = createFakeApi({
      'profiles:list': () => ok([profile]),
      'profiles:archive': () => ok({}),
    });
    mount(fake);
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Annual physical' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.channel === 'profiles:archive')).toHaveLength(1);
    });
  });
});
