/**
 * Whether a record from a list asked with `show_archived` is a removal: drchrono marks deleted
 * appointments with `deleted_flag` and other soft-deleted objects with `archived`.
 */
export function isRemoved(record: Record<string, unknown>): boolean {
  return record.deleted_flag === true || record.archived === true;
}
