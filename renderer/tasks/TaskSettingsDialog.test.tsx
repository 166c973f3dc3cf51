import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { taskMeta } from '../patients/testing/fixtures';
import { renderRecords } from '../patients/testing/render';
import { TaskSettingsDialog } from './TaskSettingsDialog';

describe('task settings', () => {
  it('renames a category: one save with the new name, then the list is reloaded', async () => {
    const onChanged = vi.fn();
    const { callsTo } = renderRecords(
      <TaskSettingsDialog meta={taskMeta} onChanged={onChanged} onClose={vi.fn()} />,
      {
        'tasks:saveCategory': () => ({
          ok: true,
          value: { id: 12, name: 'Billing questions', archived: false },
        }),
      },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit category Billing' }));
    const form = screen.getByRole('form', { name: 'Edit category Billing' });
    const name = within(form).getByLabelText(/Category name/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Billing questions');
    await userEvent.click(within(form).getByRole('button', { name: 'Save category' }));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(1);
    });
    expect(callsTo('tasks:saveCategory')[0]?.request).toEqual({
      id: 12,
      category: { name: 'Billing questions', archived: false },
    });
    // The form closed; "New category" is offered again.
    expect(screen.getByRole('button', { name: 'New category' })).toBeTruthy();
  });

  it('takes focus to the form below the table, marks the row, and gives focus back on Cancel', async () => {
    renderRecords(<TaskSettingsDialog meta={taskMeta} onChanged={vi.fn()} onClose={vi.fn()} />);
    const edit = screen.getByRole('button', { name: 'Edit category Billing' });
    await userEvent.click(edit);
    const form = screen.getByRole('form', { name: 'Edit category Billing' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Category name/));
    expect(edit.closest('tr')?.getAttribute('aria-current')).toBe('true');
    // An edit is not thrown away without asking.
    await userEvent.type(within(form).getByLabelText(/Category name/), ' desk');
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => {
      expect(screen.queryByRole('form', { name: 'Edit category Billing' })).toBeNull();
    });
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Edit category Billing' }),
    );
    expect(edit.closest('tr')?.hasAttribute('aria-current')).toBe(false);
  });

  it('shows statuses with what they count as, and templates with their defaults', async () => {
    renderRecords(<TaskSettingsDialog meta={taskMeta} onChanged={vi.fn()} onClose={vi.fn()} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Statuses' }));
    const done = screen.getByRole('cell', { name: 'Done' }).closest('tr')!;
    expect(done.textContent).toContain('Complete');
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    const callBack = screen.getByRole('cell', { name: 'Call back' }).closest('tr')!;
    expect(callBack.textContent).toContain('Call patient back');
    expect(callBack.textContent).toContain('Billing');
    await userEvent.click(screen.getByRole('button', { name: 'New template' }));
    expect(screen.getByRole('form', { name: 'New template' })).toBeTruthy();
  });
});
