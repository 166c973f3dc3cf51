import { useState } from 'react';
import type { AppointmentItem } from '../../shared/contract';
import type { AppointmentStatus } from '../../shared/drchrono';
import { instantToWall } from '../../shared/time/practice-time';
import { useFrontdesk, useQuery } from '../bridge';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { useNow } from './useNow';
import { rangeTitle } from '../calendar/view-range';
import { PrintButtons } from '../print/PrintButtons';
import { PrintRoot } from '../print/PrintRoot';
import {
  AreaErrorNotice,
  Button,
  EmptyState,
  ErrorNotice,
  Spinner,
  errorToast,
  useToast,
} from '../ui';
import { callList, nextWorkingDay, wallNow, withCallNote, type CallOutcome } from './call-outcomes';
import { callRow } from './call-rows';
import { shortDayTime } from './short-day';
import { CallListDocument } from './CallListDocument';
import { DayField } from './DayField';
import { OfficeField } from './OfficeField';
import { PaperworkScreen as Screen } from './PaperworkScreen';
import './paperwork.css';

type Mark = 'Confirmed' | CallOutcome;

/**
 * Confirmation calls for the next working day (or a chosen one): the visits not yet confirmed,
 * with phone numbers and the last reminder. One click records the call: "Confirmed" sets the
 * appointment's status; "Left message" and "Wrong number" go into its notes (drchrono has no status
 * for them). Both are ordinary appointment edits through the outbox; the list shrinks as you go.
 */
export function ConfirmationsScreen({ date: initialDate }: { date?: string | undefined }) {
  const api = useFrontdesk();
  const toast = useToast();
  const practice = useQuery('practice:get', {});
  const { hour12 } = useDeskLocale();
  const now = useNow();
  const [date, setDate] = useState<string | null>(initialDate ?? null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [officeId, setOfficeId] = useState<number | null>(null);
  const p = practice.data;
  const day = date ?? (p ? nextWorkingDay(p.today) : null);
  const book = useQuery('appointments:list', day ? { start: day, end: day } : null, {
    refreshOn: ['appointments'],
    keepPrevious: true,
  });
  const reminders = useQuery('reminders:day', day ? { date: day } : null);

  if (practice.error)
    return (
      <Screen>
        <ErrorNotice error={practice.error} onRetry={practice.reload} />
      </Screen>
    );
  if (!p || !day)
    return (
      <Screen>
        <Spinner label="Loading the practice" />
      </Screen>
    );

  const nowWall = instantToWall(now, p.timezone);
  const list = book.data
    ? callList(book.data.appointments.filter((a) => officeId === null || a.office === officeId))
    : null;
  const rowsOf = (items: readonly AppointmentItem[]) =>
    book.data
      ? items.map((a) =>
          callRow(
            a,
            book.data as NonNullable<typeof book.data>,
            p,
            reminders.data?.byAppointment ?? null,
            nowWall,
            hour12,
          ),
        )
      : [];

  const mark = async (a: AppointmentItem, what: Mark) => {
    setBusy((b) => new Set(b).add(a.id));
    const status = (a.status ?? '') as AppointmentStatus;
    const reply =
      what === 'Confirmed'
        ? await api.appointments.update({
            id: a.id,
            changes: { status: 'Confirmed' },
            base: { status },
          })
        : await api.appointments.update({
            id: a.id,
            changes: { notes: withCallNote(a.notes, wallNow(p.timezone), what) },
            base: { notes: a.notes ?? '' },
          });
    setBusy((b) => {
      const next = new Set(b);
      next.delete(a.id);
      return next;
    });
    if (!reply.ok) {
      toast(errorToast(reply.error));
      return;
    }
    if (reply.value.state === 'queued')
      toast({
        kind: 'info',
        message: 'Saved on this computer; it goes to drchrono when the connection is back.',
      });
    book.reload();
  };

  const toCall = list?.toCall ?? [];
  const rows = rowsOf(toCall);
  const calledRows = list ? rowsOf(list.called.map((c) => c.appointment)) : [];
  const dayLabel = rangeTitle('rooms', day);

  return (
    <Screen>
      <header className="fd-rec-page-header fd-no-print">
        <div>
          <h1>Confirmation calls</h1>
          <p className="fdp-summary" aria-live="polite">
            {list
              ? `${dayLabel}: ${String(toCall.length)} to call · ${String(list.called.length)} called · ${String(list.confirmed)} confirmed`
              : dayLabel}
          </p>
        </div>
        <PrintButtons title={`Confirmation calls ${day}`} disabled={!list} />
      </header>
      <div className="fd-toolbar fd-no-print">
        <DayField day={day} onDay={setDate} />
        <OfficeField
          offices={p.offices.filter((o) => o.archived !== true)}
          value={officeId}
          onOffice={setOfficeId}
          allLabel="All offices"
        />
      </div>
      {book.error ? <ErrorNotice error={book.error} onRetry={book.reload} /> : null}
      {reminders.error ? (
        <AreaErrorNotice error={reminders.error} onRetry={reminders.reload} />
      ) : null}
      {!list && !book.error ? <Spinner label="Loading the day" /> : null}
      {list && toCall.length === 0 ? (
        <EmptyState>
          No calls left: Every visit on {dayLabel} is confirmed or has been called.
        </EmptyState>
      ) : null}
      {list && toCall.length > 0 ? (
        <table className="fd-table fdp-calls" aria-label="Visits to confirm">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Phone</th>
              <th scope="col">Where</th>
              <th scope="col">Last reminder</th>
              <th scope="col">Call</th>
            </tr>
          </thead>
          <tbody>
            {toCall.map((a, i) => {
              const r = rows[i];
              if (!r) return null;
              return (
                <tr key={a.id} data-appointment-id={a.id}>
                  <td>{r.time}</td>
                  <th scope="row">{r.patient}</th>
                  <td className="fdp-phone">
                    {r.phones.map((ph) => (
                      <div key={ph}>{ph}</div>
                    ))}
                  </td>
                  <td>{r.where}</td>
                  <td>{r.reminder}</td>
                  <td>
                    <span className="fdp-actions">
                      {(['Confirmed', 'Left message', 'Wrong number'] as const).map((what) => (
                        <Button
                          key={what}
                          size="small"
                          variant={what === 'Confirmed' ? 'primary' : 'secondary'}
                          disabled={busy.has(a.id)}
                          aria-label={`${what}: ${r.patient} at ${r.time}`}
                          onClick={() => void mark(a, what)}
                        >
                          {what}
                        </Button>
                      ))}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {list && list.called.length > 0 ? (
        <section aria-label="Called">
          <h2>Called, not confirmed</h2>
          <table className="fd-table fdp-calls">
            <tbody>
              {list.called.map(({ appointment: a, call }, i) => (
                <tr key={a.id} data-appointment-id={a.id}>
                  <td>{calledRows[i]?.time}</td>
                  <th scope="row">{calledRows[i]?.patient}</th>
                  <td className="fdp-phone">{calledRows[i]?.phones.join(' / ')}</td>
                  <td>
                    {call.outcome} · {shortDayTime(call.at, hour12)}
                  </td>
                  <td>
                    <Button
                      size="small"
                      disabled={busy.has(a.id)}
                      aria-label={`Confirmed: ${calledRows[i]?.patient ?? 'patient'} at ${calledRows[i]?.time ?? ''}`}
                      onClick={() => void mark(a, 'Confirmed')}
                    >
                      Confirmed
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {list ? (
        <PrintRoot>
          <CallListDocument
            rows={rows}
            dayLabel={dayLabel}
            practiceName={p.practiceName}
            printedAt={shortDayTime(nowWall, hour12)}
          />
        </PrintRoot>
      ) : null}
    </Screen>
  );
}
