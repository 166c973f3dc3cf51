import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../shared/contract';
import { createFakeApi } from '../bridge/fake-api';
import { FrontdeskProvider } from '../bridge';
import { UiProviders } from '../ui';
import { OutboxScreen } from './OutboxScreen';

const conflict: OutboxEntryView = {
  id: 'e1',
  summary: 'Move 09:30 Marisol Quispe to Exam 2, 10:15',
  resource: 'appointments',
  op: 'update',
  targetId: '123',
  state: 'conflict',
  message: 'Someone else changed this appointment.',
  attempts: 1,
  createdAt: Date.UTC(2026, 2, 10, 14, 0),
  theirs: { exam_room: 3 },
  mine: { exam_room: 2 },
};

describe('outbox screen', () => {
  it('shows a conflict with both values and settles it with one call', async () => {
    let entries = [conflict];
    const fake = createFakeApi({
      'outbox:list': () => ({ ok: true, value: { entries } }),
      'outbox:resolve': () => {
        entries = [];
        return { ok: true, value: { entries } };
      },
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <OutboxScreen zone="America/New_York" />
        </UiProviders>
      </FrontdeskProvider>,
    );
    expect(await screen.findByText(conflict.summary)).toBeTruthy();
    // The desk's clock: this practice is in the US (12-hour).
    expect(await screen.findByText('Made at 10:00 AM · 1 attempts')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'exam room' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => {
      expect(screen.getByText('Every change has reached drchrono.')).toBeTruthy();
    });
    expect(fake.calls.filter((c) => c.channel === 'outbox:resolve')).toEqual([
      { channel: 'outbox:resolve', request: { id: 'e1', action: 'keep-mine' } },
    ]);
  });

  it('says the outbox was restored from its earlier copy and lists what came back', async () => {
    const problem =
      'The saved outbox was damaged; the copy from before its last save was restored. ' +
      'Recovered 1 unsent change: Move 09:30 Marisol Quispe to Exam 2, 10:15.';
    const fake = createFakeApi({
      'outbox:list': () => ({ ok: true, value: { entries: [conflict], problem } }),
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <OutboxScreen zone="America/New_York" />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Recovered 1 unsent change');
    expect(screen.getAllByText(/Marisol Quispe/).length).toBeGreaterThan(1);
  });
});
