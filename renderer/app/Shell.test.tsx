import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus, Book, LockStatus, Practice, SyncStatus } from '../../shared/contract';
import { instantToWall } from '../../shared/time/practice-time';
import { createFakeApi, type FakeHandlers } from '../bridge/fake-api';
import { App } from './App';

const signedIn: AuthStatus = {
  state: 'signed-in',
  mode: 'demo',
  configured: true,
  user: { id: 1, username: 'frontdesk', isDoctor: false, isStaff: true },
  practiceName: 'Riverside Family Medicine',
  lastError: null,
};
const signedOut: AuthStatus = { ...signedIn, state: 'signed-out', user: null, practiceName: null };
const unlocked: LockStatus = { locked: false, hasPin: true, idleMinutes: 10 };
const sync: SyncStatus = {
  connection: 'online',
  lastSyncedAt: Date.UTC(2026, 2, 10, 14, 5),
  callsThisHour: 7,
  hourlyCap: 150,
  throttledUntil: null,
  pendingEdits: 0,
  conflicts: 0,
  needsAttention: 0,
  cache: 'encrypted',
  message: null,
};
const practice: Practice = {
  timezone: 'America/New_York',
  practiceName: 'Riverside Family Medicine',
  today: '2026-03-10',
  user: {
    id: 1,
    username: 'frontdesk',
    doctor: 1,
    is_doctor: false,
    is_staff: true,
    practice_group: 1,
  },
  users: [],
  userGroups: [],
  doctors: [
    {
      id: 1,
      first_name: 'Amara',
      last_name: 'Okafor',
      suffix: null,
      specialty: 'Family Medicine',
      timezone: 'America/New_York',
      practice_group: 1,
      practice_group_name: null,
      office_phone: null,
    },
  ],
  offices: [
    {
      id: 10,
      name: 'Main Street Office',
      doctor: 1,
      address: null,
      city: null,
      state: null,
      zip_code: null,
      phone_number: null,
      exam_rooms: [
        { index: 1, name: 'Exam 1' },
        { index: 2, name: 'Procedure Room' },
      ],
    },
  ],
  profiles: [],
  templates: [],
  fetchedAt: null,
};

/** One patient waiting today (the practice's today, whatever the machine's date). */
function todayBook(): Book {
  const now = instantToWall(Date.now(), 'America/New_York');
  return {
    appointments: [
      {
        id: '500',
        doctor: 1,
        office: 10,
        exam_room: 2,
        patient: 42,
        scheduled_time: `${now.slice(0, 10)}T00:00:00`,
        duration: 30,
        status: 'Arrived',
        status_since: now,
        reason: 'Annual physical',
      },
    ],
    patients: { '42': { id: 42, first_name: 'Marisol', last_name: 'Quispe' } },
    fetchedAt: 1,
    source: 'cache',
  };
}

afterEach(() => {
  sessionStorage.clear();
});

function setup(handlers: FakeHandlers = {}) {
  const fake = createFakeApi({
    'app:info': () => ({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'web',
        mode: 'demo',
        storage: {
          keyProtection: 'keyfile',
          phiOnDisk: true,
          warning: 'Development mode key file.',
        },
      },
    }),
    'auth:status': () => ({ ok: true, value: signedIn }),
    'lock:status': () => ({ ok: true, value: unlocked }),
    'sync:status': () => ({ ok: true, value: sync }),
    'practice:get': () => ({ ok: true, value: practice }),
    'appointments:list': () => ({ ok: true, value: todayBook() }),
    'lock:lock': () => ({ ok: true, value: { ...unlocked, locked: true } }),
    'lock:activity': () => ({ ok: true, value: {} }),
    ...handlers,
  });
  const view = render(<App api={fake.api} />);
  return { ...fake, unmount: view.unmount };
}

describe('app shell', () => {
  it('signed out: the sign-in screen with the demo note and the Connect button', async () => {
    const fake = setup({
      'auth:status': () => ({ ok: true, value: signedOut }),
      'auth:signIn': () => ({
        ok: true,
        value: { authorizeUrl: 'http://127.0.0.1:1/o/authorize/', openedBy: 'main' },
      }),
    });
    const button = await screen.findByRole('button', { name: /Connect to drchrono/ });
    expect(screen.getByText(/Demo practice\./)).toBeTruthy();
    await userEvent.click(button);
    expect(fake.calls.some((c) => c.channel === 'auth:signIn')).toBe(true);
  });

  it('explains a denied consent and offers to try again', async () => {
    setup({
      'auth:status': () => ({
        ok: true,
        value: {
          ...signedOut,
          lastError: { code: 'cancelled', message: 'You chose Cancel on drchrono’s page.' },
        },
      }),
    });
    expect(await screen.findByText('Sign-in was cancelled at drchrono')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('signed in: opens on Today, with who is waiting and with which doctor', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: /^Today/ })).toBeTruthy();
    const waiting = await screen.findByRole('region', { name: /^Waiting/ });
    expect(within(waiting).getByRole('button', { name: 'Marisol Quispe' })).toBeTruthy();
    expect(within(waiting).getByText('Dr. Okafor')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
  });

  it('the practice summary is one click from Today: doctors, offices with rooms, calls this hour, the status bar', async () => {
    setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Practice summary' }));
    await screen.findByText('Dr. Amara Okafor');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { name: 'Riverside Family Medicine' })).toBeTruthy();
    expect(within(main).getByRole('article', { name: 'Main Street Office' })).toBeTruthy();
    expect(within(main).getByText('Procedure Room')).toBeTruthy();
    expect(within(main).getByText('7 of 150')).toBeTruthy();
    const status = screen.getByRole('contentinfo', { name: 'Status' });
    expect(status.textContent).toContain('Online');
    expect(status.textContent).toContain('API calls this hour: 7 of 150');
    // 14:05 UTC is 10:05 in New York (EDT from March 8, 2026), whatever this machine's zone.
    expect(status.textContent).toContain('Last synced 10:05');
    expect(screen.getByText(/Development mode key file/)).toBeTruthy();
  });

  it('an area that fails to draw is replaced by a notice naming it; the menu and other areas work', async () => {
    const fake = setup({
      // An answer the screen cannot draw (no list where one belongs): a bug, not drchrono's fault.
      'outbox:list': () => ({ ok: true, value: { entries: null } as never }),
      'app:log': () => ({ ok: true, value: {} }),
    });
    await screen.findByRole('heading', { level: 1, name: /^Today/ });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await userEvent.click(screen.getByRole('button', { name: 'Outbox' }));
      const alert = await screen.findByRole('alert');
      expect(
        within(alert).getByRole('heading', { name: 'Outbox could not be shown' }),
      ).toBeTruthy();
      expect(alert.textContent).toContain('Details: TypeError while drawing Outbox');
    } finally {
      quiet.mockRestore();
    }
    expect(fake.calls).toContainEqual(
      expect.objectContaining({
        channel: 'app:log',
        request: { level: 'error', message: 'TypeError while drawing Outbox' },
      }),
    );
    expect(screen.getByRole('contentinfo', { name: 'Status' }).textContent).toContain('Online');
    await userEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Today/ })).toBeTruthy();
  });

  it('locking unmounts every data view: no patient data stays in the DOM', async () => {
    const fake = setup();
    await screen.findByText('Marisol Quispe');
    act(() => {
      fake.emit('lock:changed', { ...unlocked, locked: true });
    });
    expect(await screen.findByRole('heading', { name: 'Frontdesk is locked' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Quispe');
    expect(document.body.textContent).not.toContain('Okafor');
    expect(screen.getByLabelText('PIN')).toBeTruthy();
  });

  it('sign-out with unsent edits asks first, and keeps them when the user stays', async () => {
    let discardAsked = false;
    const fake = setup({
      'auth:signOut': (request) => {
        if (request.discardUnsent) {
          discardAsked = true;
          return { ok: true, value: signedOut };
        }
        return {
          ok: false,
          error: {
            code: 'unsent_edits',
            message: '2 changes have not reached drchrono yet.',
            unsentCount: 2,
          },
        };
      },
    });
    await screen.findByText('Marisol Quispe');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Delete 2 unsent changes?')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(discardAsked).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete and sign out' }));
    await waitFor(() => {
      expect(discardAsked).toBe(true);
    });
    expect(fake.calls.filter((c) => c.channel === 'auth:signOut')).toHaveLength(3);
  });

  it('the lock screen’s Sign out says what is queued and offers to unlock, never deleting', async () => {
    const requests: { discardUnsent?: boolean | undefined }[] = [];
    const fake = setup({
      'lock:status': () => ({ ok: true, value: { ...unlocked, locked: true } }),
      'auth:signOut': (request) => {
        requests.push(request);
        return {
          ok: false,
          error: {
            code: 'unsent_edits',
            message: '3 changes have not reached drchrono yet.',
            unsentCount: 3,
          },
        };
      },
      'lock:signInToUnlock': () => ({
        ok: true,
        value: { authorizeUrl: 'http://127.0.0.1:1/o/authorize/', openedBy: 'main' },
      }),
    });
    await screen.findByRole('heading', { name: 'Frontdesk is locked' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('3 unsent changes would be deleted');
    expect(dialog.textContent).toContain('unlock first');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay locked' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Sign in to drchrono to unlock',
      }),
    );
    await waitFor(() => {
      expect(fake.calls.some((c) => c.channel === 'lock:signInToUnlock')).toBe(true);
    });
    expect(requests.every((r) => r.discardUnsent !== true)).toBe(true);
    expect(screen.getByRole('heading', { name: 'Frontdesk is locked' })).toBeTruthy();
  });

  it('a damaged data key: explains, and starting fresh asks main once', async () => {
    const info = {
      version: '0.1.0',
      host: 'web' as const,
      mode: 'demo' as const,
      storage: { keyProtection: 'keyfile' as const, phiOnDisk: false, warning: 'x' },
      keyProblem: 'The data key could not be unlocked with this computer’s key store.',
    };
    const fake = setup({
      'app:info': () => ({ ok: true, value: info }),
      'app:startFresh': () => ({ ok: true, value: { restarting: true } }),
    });
    expect(
      await screen.findByRole('heading', { name: 'Frontdesk cannot open its saved data' }),
    ).toBeTruthy();
    expect(screen.getByText(/could not be unlocked/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Okafor');
    await userEvent.click(
      screen.getByRole('button', { name: 'Start fresh (the unsent edits are kept aside)' }),
    );
    expect(fake.calls.filter((c) => c.channel === 'app:startFresh')).toHaveLength(1);
  });

  it('says in one sentence what start-up reset', async () => {
    setup({
      'app:info': () => ({
        ok: true,
        value: {
          version: '0.1.0',
          host: 'web',
          mode: 'demo',
          storage: { keyProtection: 'keyfile', phiOnDisk: true, warning: null },
          notices: ['The lock PIN file was damaged and the PIN was removed: set a new one.'],
        },
      }),
    });
    expect(await screen.findByText(/The lock PIN file was damaged/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/The lock PIN file was damaged/)).toBeNull();
  });

  it('navigates between areas', async () => {
    setup({
      'settings:getConnection': () => ({
        ok: true,
        value: {
          clientId: 'frontdesk-demo',
          redirectUri: 'http://127.0.0.1:5180/oauth/callback',
          baseUrl: 'http://127.0.0.1:1',
          hasSecret: true,
          source: 'demo',
        },
      }),
    });
    await screen.findByText('Marisol Quispe');
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Connection to drchrono' })).toBeTruthy();
    expect(screen.getByText('http://127.0.0.1:5180/oauth/callback')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('a reload comes back to the area the desk was in; signing out forgets it', async () => {
    const first = setup();
    await screen.findByText('Marisol Quispe');
    await userEvent.click(screen.getByRole('button', { name: 'Outbox' }));
    first.unmount();
    // A reload: a new renderer, the same window session.
    const second = setup({ 'outbox:list': () => ({ ok: true, value: { entries: [] } }) });
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Outbox' }).getAttribute('aria-current')).toBe(
        'page',
      );
    });
    // Only the area is kept: no patient or appointment id.
    expect(sessionStorage.getItem('frontdesk.area')).toBe('{"area":"outbox"}');
    act(() => {
      second.emit('auth:changed', signedOut);
    });
    await screen.findByRole('button', { name: /Connect to drchrono/ });
    expect(sessionStorage.getItem('frontdesk.area')).toBeNull();
  });
});
