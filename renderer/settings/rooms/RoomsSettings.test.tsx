import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Practice } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { FrontdeskProvider } from '../../bridge';
import { createFakeApi } from '../../bridge/fake-api';
import { UiProviders } from '../../ui';
import { RoomsSettings } from './RoomsSettings';

describe('RoomsSettings', () => {
  it('lists the rooms of each office and adds one through add_exam_room', async () => {
    let practice: Practice = {
      timezone: 'America/New_York',
      practiceName: 'Riverbend',
      today: '2026-11-23',
      user: { id: 1, username: 'desk', doctor: 7, is_doctor: false, is_staff: true },
      users: [],
      userGroups: [],
      doctors: [],
      offices: [{ id: 1, name: 'Main Street', exam_rooms: [{ index: 1, name: 'Exam 1' }] }],
      profiles: [],
      templates: [],
      fetchedAt: 1,
    };
    const fake = createFakeApi({
      'practice:get': () => ok(practice),
      'offices:addExamRoom': (r) => {
        const office = {
          ...practice.offices[0]!,
          exam_rooms: [
            { index: 1, name: 'Exam 1' },
            { index: 2, name: r.name },
          ],
        };
        practice = { ...practice, offices: [office] };
        return ok(office);
      },
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <RoomsSettings />
        </UiProviders>
      </FrontdeskProvider>,
    );
    expect(await screen.findByText('Exam 1')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('New room name'), 'Procedure');
    await userEvent.click(screen.getByRole('button', { name: 'Add room' }));
    expect(await screen.findByRole('cell', { name: 'Procedure' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'offices:addExamRoom')?.request).toEqual({
      officeId: 1,
      name: 'Procedure',
      onlineScheduling: false,
    });
  });
});
