import type { SheetPage } from './day-sheet';

export interface DaySheetDocumentProps {
  pages: SheetPage[];
  /** "Monday 7 December 2026". */
  dayLabel: string;
  practiceName: string;
  /** One page per group (rooms, doctors); off: the groups follow each other. */
  pagePerGroup: boolean;
  showRoom: boolean;
  showDoctor: boolean;
  /** Why balances or eligibility are missing, printed rather than a silent blank or gap. */
  notes: readonly string[];
  printedAt: string;
}

/** The day sheet on paper: a table per office, room or doctor. */
export function DaySheetDocument(p: DaySheetDocumentProps) {
  if (p.pages.length === 0) {
    return (
      <article className="fd-paper">
        <Head title="Day sheet" {...p} />
        <p className="fd-paper__empty">No visits on this day.</p>
      </article>
    );
  }
  return (
    <>
      {p.pages.map((page, i) => (
        <article
          key={page.key}
          className={`fd-paper${p.pagePerGroup || i === 0 ? ' fd-paper__page' : ''}`}
          aria-label={`Day sheet: ${page.title}`}
        >
          {p.pagePerGroup || i === 0 ? (
            <Head title={`Day sheet · ${page.title}`} {...p} />
          ) : (
            <h2 className="fd-paper__title">{page.title}</h2>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Phone</th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
                {p.showRoom ? <th scope="col">Room</th> : null}
                {p.showDoctor ? <th scope="col">Doctor</th> : null}
                <th scope="col">Flags</th>
                <th scope="col" className="fd-paper__num">
                  Balance due
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} data-appointment-id={r.id}>
                  <td className="fd-paper__nowrap">{r.time}</td>
                  <td>{r.patient}</td>
                  <td className="fd-paper__nowrap">{r.dateOfBirth}</td>
                  <td className="fd-paper__nowrap">{r.phone}</td>
                  <td>{r.reason}</td>
                  <td>{r.status}</td>
                  {p.showRoom ? <td>{r.room}</td> : null}
                  {p.showDoctor ? <td>{r.doctor}</td> : null}
                  <td>{r.flags.join(', ')}</td>
                  <td className="fd-paper__num">{r.balanceDue ? `$${r.balanceDue}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="fd-paper__foot">
            {page.rows.length} {page.rows.length === 1 ? 'visit' : 'visits'}
            {p.notes.map((note) => ` · ${note}`).join('')}
          </p>
        </article>
      ))}
    </>
  );
}

function Head({
  title,
  dayLabel,
  practiceName,
  printedAt,
}: {
  title: string;
  dayLabel: string;
  practiceName: string;
  printedAt: string;
}) {
  return (
    <header className="fd-paper__head">
      <h1 className="fd-paper__title">{title}</h1>
      <span className="fd-paper__meta">
        {dayLabel} · {practiceName} · printed {printedAt}
      </span>
    </header>
  );
}
