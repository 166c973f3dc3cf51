import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Practice } from '../../../shared/contract';
import type { AppointmentTemplate } from '../../../shared/drchrono';
import { ok } from '../../../shared/result';
import { FrontdeskProvider } from '../../bridge';
import { createFakeApi } from '../../bridge/fake-api';
import { UiProviders } from '../../ui';
import { TemplatesSettings } from './TemplatesSettings';

const practice: Practice = {
  timezone: 'America/New_York',
  practiceName: 'Riverbend',
  today: '2026-11-23',
  user: { id: 1, username: 'desk', doctor: 7, is_doctor: false, is_staff: true },
  users: [],
  userGroups: [],
  doctors: [{ id: 7, first_name: 'Amara', last_name: 'Okafor', timezone: 'America/New_York' }],
  offices: [
    {
      id: 1,
      name: 'Main Street',
      doctor: 7,
      exam_rooms: [
        { index: 1, name: 'Exam 1' },
        { index: 2, name: 'Exam 2' },
      ],
    },
  ],
  profiles: [{ id: 5, name: 'Annual physical', color: '#3a87ad', duration: 30 }],
  templates: [],
  fetchedAt: 1,
};

describe('TemplatesSettings', () => {
  it('lists templates per room and creates one with its week days (0 = Monday)', async () => {
    let templates: AppointmentTemplate[] = [
      {
        id: 11,
        office: 1,
        exam_room: 2,
        profile: 5,
        doctor: 7,
        duration: 180,
        scheduled_time: '09:00:00',
        week_days: [0, 2],
      },
    ];
    const fake = createFakeApi({
      'practice:get': () => ok(practice),
      'templates:list': () => ok(templates),
      'templates:create': (r) => {
        const created = {
          id: 12,
          ...r.template,
          scheduled_time: `${r.template.scheduled_time}:00`,
        };
        templates = [...templates, created];
        return ok(created as AppointmentTemplate);
      },
    });
    render(
      <FrontdeskProvider api={fake.api}>
        <UiProviders>
          <TemplatesSettings />
        </UiProviders>
      </FrontdeskProvider>,
    );
    const room2 = await screen.findByRole('table', { name: 'Exam 2' });
    expect(within(room2).getByText('Mon, Wed')).toBeTruthy();
    expect(within(room2).getByText('09:00–12:00')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'New template' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('Tue'));
    await userEvent.click(within(dialog).getByLabelText('Wed'));
    await userEvent.click(within(dialog).getByLabelText('Thu'));
    await userEvent.click(within(dialog).getByLabelText('Fri'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('table', { name: 'Exam 1' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'templates:create')?.request).toEqual({
      template: {
        office: 1,
        exam_room: 1,
        profile: 5,
        doctor: 7,
        duration: 120,
        scheduled_time: '09:00',
        week_days: [0],
      },
    });
  });
});
