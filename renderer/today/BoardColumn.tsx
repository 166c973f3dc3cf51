import type { ReactNode } from 'react';
import type { ColumnKey } from './board';

export interface BoardColumnProps {
  column: ColumnKey;
  title: string;
  count: number;
  /** Said when the column is empty ("No one is waiting."). */
  empty: string;
  /** A line under the list ("4 more later today"). */
  footer?: ReactNode;
  children: ReactNode;
}

/** A column of the board: its title with the count, then its visits. */
export function BoardColumn({ column, title, count, empty, footer, children }: BoardColumnProps) {
  const headingId = `fdt-col-${column}`;
  return (
    <section className={`fdt-col fdt-col--${column}`} aria-labelledby={headingId}>
      <h2 className="fdt-col__title" id={headingId}>
        {title} <span className="fdt-col__count">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="fdt-col__empty">{empty}</p>
      ) : (
        <ul className="fdt-col__list" aria-labelledby={headingId}>
          {children}
        </ul>
      )}
      {footer ? <p className="fdt-col__footer">{footer}</p> : null}
    </section>
  );
}
