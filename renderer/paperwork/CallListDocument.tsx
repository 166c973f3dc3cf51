import type { CallRow } from './call-rows';

/** The call list on paper: who to call, their numbers, and a box for the outcome. */
export function CallListDocument({
  rows,
  dayLabel,
  practiceName,
  printedAt,
}: {
  rows: CallRow[];
  dayLabel: string;
  practiceName: string;
  printedAt: string;
}) {
  return (
    <article className="fd-paper" aria-label="Confirmation calls">
      <header className="fd-paper__head">
        <h1 className="fd-paper__title">Confirmation calls · {dayLabel}</h1>
        <span className="fd-paper__meta">
          {practiceName} · printed {printedAt}
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="fd-paper__empty">Every visit of this day is confirmed or called.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Phone</th>
              <th scope="col">Where</th>
              <th scope="col">Last reminder</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.time}</td>
                <td>{r.patient}</td>
                <td>{r.phones.join(' / ')}</td>
                <td>{r.where}</td>
                <td>{r.reminder}</td>
                <td>☐ Confirmed ☐ Message ☐ Wrong no.</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="fd-paper__foot">{rows.length} to call</p>
    </article>
  );
}
