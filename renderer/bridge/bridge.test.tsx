import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { channelNames, type ReplyOf } from '../../shared/contract';
import { createFakeApi } from './fake-api';
import { FrontdeskProvider } from './FrontdeskProvider';
import { useQuery } from './useQuery';

describe('createApi', () => {
  it('exposes exactly one function per contract channel, plus on()', () => {
    const { api } = createFakeApi();
    const exposed = Object.entries(api as unknown as Record<string, unknown>).flatMap(
      ([domain, group]) =>
        typeof group === 'function'
          ? [domain]
          : Object.keys(group as object).map((verb) => `${domain}:${verb}`),
    );
    expect(exposed.sort()).toEqual([...channelNames, 'on'].sort());
  });

  it('refuses a malformed request the way main would', async () => {
    const fake = createFakeApi({
      'appointments:get': () => ({ ok: false, error: { code: 'not_found', message: 'x' } }),
    });
    const reply = await fake.api.appointments.get({ id: '' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_input');
  });
});

function Day({ date }: { date: string }) {
  const { data, loading } = useQuery(
    'appointments:list',
    { start: date, end: date },
    { refreshOn: ['appointments'] },
  );
  if (loading) return <p>loading</p>;
  return <p>{data?.appointments.map((a) => a.reason).join(',')}</p>;
}

describe('useQuery', () => {
  it('drops an answer that arrives after a newer request, and reloads on data:changed', async () => {
    const resolvers: Record<string, (reason: string) => void> = {};
    let version = 1;
    const fake = createFakeApi({
      'appointments:list': (request) =>
        new Promise<ReplyOf<'appointments:list'>>((resolve) => {
          resolvers[request.start] = (reason) => {
            resolve({
              ok: true,
              value: {
                appointments: [
                  {
                    id: '1',
                    doctor: 1,
                    office: 1,
                    exam_room: 1,
                    patient: null,
                    scheduled_time: `${request.start}T09:00:00`,
                    duration: 30,
                    reason,
                  },
                ],
                patients: {},
                fetchedAt: 1,
                source: 'cache',
              },
            });
          };
        }),
    });
    const view = render(
      <FrontdeskProvider api={fake.api}>
        <Day date="2026-11-23" />
      </FrontdeskProvider>,
    );
    view.rerender(
      <FrontdeskProvider api={fake.api}>
        <Day date="2026-11-24" />
      </FrontdeskProvider>,
    );
    await act(async () => {
      resolvers['2026-11-24']?.('tuesday');
      await Promise.resolve();
    });
    await act(async () => {
      resolvers['2026-11-23']?.('monday (late)');
      await Promise.resolve();
    });
    expect(screen.getByText('tuesday')).toBeTruthy();
    expect(screen.queryByText('monday (late)')).toBeNull();

    version++;
    await act(async () => {
      fake.emit('data:changed', { kinds: ['appointments'] });
      await Promise.resolve();
    });
    await act(async () => {
      resolvers['2026-11-24']?.(`tuesday v${version}`);
      await Promise.resolve();
    });
    expect(screen.getByText('tuesday v2')).toBeTruthy();
  });
});
