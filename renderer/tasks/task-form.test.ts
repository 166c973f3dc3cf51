import { describe, expect, it } from 'vitest';
import { taskSchema, taskTemplateSchema } from '../../shared/drchrono';
import {
  describeOffset,
  dueFromOffset,
  taskEdit,
  taskFormSchema,
  taskValues,
  templateValues,
} from './task-form';

describe('template due dates', () => {
  it('reads drchrono’s "[DD] [HH:[MM:]]ss" offsets from the practice’s now', () => {
    expect(dueFromOffset('1 00:00:00', '2026-11-22T16:10:00')).toEqual({
      date: '2026-11-23',
      time: '',
    });
    expect(dueFromOffset('3 00:00:00', '2026-11-30T09:00:00')).toEqual({
      date: '2026-12-03',
      time: '',
    });
    expect(dueFromOffset('04:00:00', '2026-11-22T21:30:00')).toEqual({
      date: '2026-11-23',
      time: '01:30',
    });
    expect(dueFromOffset('2 01:30:00', '2026-11-22T10:00:00')).toEqual({
      date: '2026-11-24',
      time: '11:30',
    });
    expect(dueFromOffset('45', '2026-11-22T10:00:00')).toEqual({ date: '2026-11-22', time: '' });
    expect(dueFromOffset('soon', '2026-11-22T10:00:00')).toBeNull();
    expect(describeOffset('1 00:00:00')).toBe('1 day');
    expect(describeOffset('04:00:00')).toBe('4 hours');
    expect(describeOffset('2 01:30:00')).toBe('2 days 1 h 30 min');
  });

  it('fills a new task from a template, with the documented misspelt category key', () => {
    const template = taskTemplateSchema.parse({
      id: 3,
      name: 'Refill request',
      default_title: 'Refill request',
      default_note: 'Check last visit.',
      default_priority: 30,
      default_status: 1,
      default_assignee_group: 5,
      defatul_category: 8,
      default_due_date_offset: '1 00:00:00',
    });
    expect(templateValues(template, '2026-11-22T09:00:00', { status: 2, assignee: 'u:1' })).toEqual(
      {
        title: 'Refill request',
        status: 1,
        priority: 30,
        category: 8,
        assignee: 'g:5',
        due_date: '2026-11-23',
        due_time: '',
        note: 'Check last visit.',
        archived: false,
      },
    );
  });
});

describe('task edits', () => {
  it('PATCHes only what changed and appends a note to the existing ones', () => {
    const task = taskSchema.parse({
      id: 9,
      title: 'Call back',
      status: 1,
      priority: 20,
      assignee_group: 5,
      due_date: { due_date: '2026-11-23', due_time: null },
      notes: [{ text: 'Left a message', created_at: '2026-11-20T10:00:00', created_by: 1 }],
    });
    const initial = taskFormSchema.parse(taskValues(task, { status: null, assignee: '' }));
    const values = { ...initial, status: 4, assignee: 'u:2', note: 'Reached her, done.' };
    expect(taskEdit(task, initial, values, [], [])).toEqual({
      changes: {
        status: 4,
        assignee_user: 2,
        assignee_group: null,
        notes: [{ text: 'Left a message' }, { text: 'Reached her, done.' }],
      },
      base: {
        status: 1,
        assignee_user: null,
        assignee_group: 5,
        notes: [{ text: 'Left a message' }],
      },
      count: 4,
    });
  });
});
