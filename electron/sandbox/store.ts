/**
 * In-memory tables. Rows keep insertion order (a Map does), which is also id order because ids
 * only grow; lists therefore page stably while nothing is inserted.
 */
export class Table<K extends string | number, T extends { id: K }> {
  private readonly rows = new Map<K, T>();
  private counter: number;

  constructor(
    private readonly firstId: number,
    private readonly makeId: (n: number) => K,
  ) {
    this.counter = firstId;
  }

  /** Allocates the next id without inserting (for records that must know their id first). */
  allocate(): K {
    return this.makeId(this.counter++);
  }

  insert(row: T): T {
    this.rows.set(row.id, row);
    return row;
  }

  create(build: (id: K) => T): T {
    return this.insert(build(this.allocate()));
  }

  get(id: K): T | undefined {
    return this.rows.get(id);
  }

  has(id: K): boolean {
    return this.rows.has(id);
  }

  all(): T[] {
    return [...this.rows.values()];
  }

  get size(): number {
    return this.rows.size;
  }

  delete(id: K): boolean {
    return this.rows.delete(id);
  }

  clear(): void {
    this.rows.clear();
    this.counter = this.firstId;
  }

  /** A deep copy of the rows and the id counter (for seed snapshots). */
  dump(): TableDump<T> {
    return { rows: structuredClone([...this.rows.values()]), counter: this.counter };
  }

  load(dump: TableDump<T>): void {
    this.rows.clear();
    for (const row of structuredClone(dump.rows)) this.rows.set(row.id, row);
    this.counter = dump.counter;
  }
}

export interface TableDump<T> {
  rows: T[];
  counter: number;
}

export const numericTable = <T extends { id: number }>(firstId: number): Table<number, T> =>
  new Table<number, T>(firstId, (n) => n);
