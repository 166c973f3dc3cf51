import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { patientSummarySchema, taskSchema } from '../../shared/drchrono';
import { renderRecords } from '../patients/testing/render';
import { TasksScreen } from './TasksScreen';

const tasks = [
  taskSchema.parse({
    id: 61,
    title: 'Call Marisol with lab results',
    status: 21,
    priority: 30,
    assignee_group: 5,
    category: 11,
    due_date: { due_date: '2026-11-20', due_time: null },
    associated_items: [{ type: 'patient', id: 42 }],
  }),
  taskSchema.parse({ id: 62, title: 'Fax referral', status: 23, priority: 20, assignee_user: 1 }),
];

const patients = {
  '42': patientSummarySchema.parse({ id: 42, first_name: 'Marisol', last_name: 'Quispe' }),
};

describe('tasks', () => {
  it('lists open tasks (completed hidden), marks overdue ones, and filters through main', async () => {
    const { callsTo } = renderRecords(<TasksScreen />, {
      'tasks:list': () => ({ ok: true, value: { tasks, patients, fetchedAt: 0 } }),
    });
    const row = (
      await screen.findByRole('button', { name: 'Call Marisol with lab results' })
    ).closest('tr')!;
    expect(row.textContent).toContain('(overdue)');
    // The linked patient is named from the roster that came with the list.
    expect(within(row).getByRole('button', { name: 'Open patient Marisol Quispe' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fax referral' })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Priority'), '30');
    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() => {
      expect(callsTo('tasks:list').at(-1)?.request).toEqual({ priority: 30, overdue: true });
    });
  });

  it('when drchrono refuses task writes, says so and keeps what was typed', async () => {
    renderRecords(<TasksScreen />, {
      'tasks:create': () => ({
        ok: false,
        error: {
          code: 'not_supported',
          status: 405,
          message:
            'drchrono refused to save tasks from Frontdesk (its API lists tasks as read-only for this account). Nothing was saved: your task is still in the form, so you can copy it or try again later.',
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New task' }));
    const dialog = await screen.findByRole('dialog', { name: 'New task' });
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Ask for new insurance card');
    await userEvent.type(within(dialog).getByLabelText('Note'), 'Card expired in October');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create task' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('your task is still in the form');
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Title/).value).toBe(
      'Ask for new insurance card',
    );
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Note').value).toBe(
      'Card expired in October',
    );
    expect(screen.getByRole('dialog', { name: 'New task' })).toBeTruthy();
  });

  it('creates a task from a template for the patient it was opened for', async () => {
    const { callsTo } = renderRecords(<TasksScreen newFor={{ type: 'patient', id: '42' }} />, {
      'tasks:create': ({ task }) => ({
        ok: true,
        value: { task: { id: 70, ...task }, state: 'saved' },
      }),
    });
    // Opened for the patient: a blank task is offered; close it and use the template instead.
    const first = await screen.findByRole('dialog', { name: 'New task' });
    expect(within(first).getByText('Marisol Quispe')).toBeTruthy();
    await userEvent.click(within(first).getByRole('button', { name: 'Cancel' }));
    await userEvent.selectOptions(screen.getByLabelText('New task from a template'), 'Call back');
    const dialog = await screen.findByRole('dialog', { name: 'New task' });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Title/).value).toBe(
      'Call patient back',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create task' }));
    await waitFor(() => {
      expect(callsTo('tasks:create')).toHaveLength(1);
    });
    const sent = (callsTo('tasks:create')[0]?.request as { task: Record<string, unknown> }).task;
    expect(sent).toMatchObject({
      title: 'Call patient back',
      status: 21,
      priority: 20,
      category: 12,
      assignee_user: null,
      assignee_group: 5,
      associated_items: [{ type: 'patient', id: '42' }],
    });
    expect((sent.due_date as { due_date: string }).due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('completes a task with one click: a PATCH of its status to the Complete one', async () => {
    const { callsTo } = renderRecords(<TasksScreen />, {
      'tasks:list': () => ({ ok: true, value: { tasks, patients, fetchedAt: 0 } }),
      'tasks:update': () => ({ ok: true, value: { state: 'saved' } }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Complete: Call Marisol with lab results' }),
    );
    await waitFor(() => {
      expect(callsTo('tasks:update')).toHaveLength(1);
    });
    expect(callsTo('tasks:update')[0]?.request).toEqual({
      id: 61,
      changes: { status: 23 },
      base: { status: 21 },
    });
  });
});
