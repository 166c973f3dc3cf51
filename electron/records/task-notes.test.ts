import { describe, expect, it } from 'vitest';
import { taskSchema } from '../../shared/drchrono';
import { notesBody } from './task-notes';

describe('task notes on a PATCH', () => {
  it('sends the notes the task had as drchrono gave them, and appends the new one', () => {
    const task = taskSchema.parse({
      id: 1,
      title: 't',
      status: 1,
      notes: [
        { text: 'Left a message', created_at: '2026-11-20T10:00:00', created_by: 3, id: 91 },
        { text: 'Called again', created_at: '2026-11-21T09:00:00', created_by: 4 },
      ],
    });
    expect(
      notesBody(
        [{ text: 'Left a message' }, { text: 'Called again' }, { text: 'Done' }],
        task.notes,
      ),
    ).toEqual([
      { text: 'Left a message', created_at: '2026-11-20T10:00:00', created_by: 3, id: 91 },
      { text: 'Called again', created_at: '2026-11-21T09:00:00', created_by: 4 },
      { text: 'Done' },
    ]);
  });

  it('without a known task, sends what it was given', () => {
    expect(notesBody([{ text: 'a' }], undefined)).toEqual([{ text: 'a' }]);
  });
});
