import type { Task, TaskChanges } from '../../shared/drchrono';

type Note = Record<string, unknown>;

/**
 * The notes to PATCH. The desk sends notes as texts (it appends one); drchrono's note objects also
 * carry who wrote them and when, in a format the reference leaves behind a link. Notes the task
 * already had are sent back as drchrono gave them, so that history survives the round trip.
 */
export function notesBody(
  sent: NonNullable<TaskChanges['notes']>,
  known: Task['notes'] | undefined,
): Note[] {
  const existing = [...(known ?? [])] as Note[];
  return sent.map((note) => {
    const index = existing.findIndex((n) => n.text === note.text);
    if (index === -1) return { ...note };
    const [kept] = existing.splice(index, 1);
    return kept ?? { ...note };
  });
}
