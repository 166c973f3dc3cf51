import { useState } from 'react';
import { instantToWall } from '../../shared/time/practice-time';
import { useQuery } from '../bridge';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { useNow } from './useNow';
import { rangeTitle } from '../calendar/view-range';
import { PrintButtons } from '../print/PrintButtons';
import { PrintRoot } from '../print/PrintRoot';
import { ErrorNotice, Spinner } from '../ui';
import { buildDaySheet, type SheetGrouping } from './day-sheet';
import { shortDayTime } from './short-day';
import { DaySheetDocument } from './DaySheetDocument';
import { ChoiceField } from './ChoiceField';
import { DayField } from './DayField';
import { OfficeField } from './OfficeField';
import { PaperworkScreen as Screen } from './PaperworkScreen';
import './paperwork.css';

const groupings: { value: SheetGrouping; label: string }[] = [
  { value: 'office', label: 'Whole office' },
  { value: 'room', label: 'Per room' },
  { value: 'doctor', label: 'Per doctor' },
];

/**
 * The day sheet: the day's visits for an office, a room per page or a doctor per page, previewed
 * as paper and printed or saved as PDF. The book comes from the desk's cached days; balances and
 * eligibility are one call each per day, kept in main.
 */
export function DaySheetScreen({
  date: initialDate,
  officeId: initialOffice,
}: {
  date?: string | undefined;
  officeId?: number | undefined;
}) {
  const practice = useQuery('practice:get', {});
  const { hour12 } = useDeskLocale();
  const now = useNow();
  const [date, setDate] = useState<string | null>(initialDate ?? null);
  const [officeChoice, setOfficeChoice] = useState<number | null>(initialOffice ?? null);
  const [grouping, setGrouping] = useState<SheetGrouping>('room');
  const [pagePerGroup, setPagePerGroup] = useState(true);
  const [doctorId, setDoctorId] = useState<number | null>(null);
  const [examRoom, setExamRoom] = useState<number | null>(null);

  const p = practice.data;
  const offices = (p?.offices ?? []).filter((o) => o.archived !== true);
  const day = date ?? p?.today ?? null;
  const officeId = officeChoice ?? offices[0]?.id ?? null;
  const book = useQuery(
    'appointments:list',
    day && officeId !== null ? { start: day, end: day, officeId } : null,
    { refreshOn: ['appointments'], keepPrevious: true },
  );
  const balances = useQuery('paperwork:balances', day ? { date: day } : null);
  const eligibility = useQuery('eligibility:day', day ? { date: day } : null);

  if (practice.error)
    return (
      <Screen>
        <ErrorNotice error={practice.error} onRetry={practice.reload} />
      </Screen>
    );
  if (!p || !day || officeId === null)
    return (
      <Screen>
        <Spinner label="Loading the practice" />
      </Screen>
    );

  const office = offices.find((o) => o.id === officeId);
  const pages = book.data
    ? buildDaySheet({
        practice: p,
        book: book.data,
        officeId,
        grouping,
        doctorId,
        examRoom,
        balances: balances.data?.byAppointment ?? null,
        eligibility: eligibility.data?.byAppointment ?? null,
        hour12,
      })
    : [];
  const notes = [
    balances.error
      ? `Balances not shown: ${balances.error.message}`
      : balances.data
        ? null
        : 'Balances still loading',
    // A visit whose coverage is inactive is flagged from these: a gap must not read as "eligible".
    eligibility.error ? `Eligibility not shown: ${eligibility.error.message}` : null,
  ].filter((note): note is string => note !== null);
  const title = `Day sheet ${day} ${office?.name ?? ''}`.trim();
  const sheet = (
    <DaySheetDocument
      pages={pages}
      dayLabel={rangeTitle('rooms', day)}
      practiceName={p.practiceName}
      pagePerGroup={grouping !== 'office' && pagePerGroup}
      showRoom={grouping !== 'room'}
      showDoctor={grouping !== 'doctor'}
      notes={notes}
      printedAt={shortDayTime(instantToWall(now, p.timezone), hour12)}
    />
  );

  return (
    <Screen>
      <header className="fd-rec-page-header fd-no-print">
        <h1>Day sheet</h1>
        <PrintButtons title={title} disabled={!book.data} />
      </header>
      <div className="fd-toolbar fd-no-print" role="group" aria-label="Day sheet options">
        <DayField day={day} onDay={setDate} />
        <OfficeField
          offices={offices}
          value={officeId}
          onOffice={(id) => {
            if (id !== null) setOfficeChoice(id);
            setExamRoom(null);
          }}
        />
        <ChoiceField
          label="Room"
          options={(office?.exam_rooms ?? []).map((r) => ({ value: r.index, label: r.name }))}
          value={examRoom}
          onChoose={setExamRoom}
          allLabel="All rooms"
        />
        <label className="fdp-inline">
          Pages
          <select
            aria-label="Pages"
            className="fd-select"
            value={grouping}
            onChange={(e) => {
              setGrouping(e.target.value as SheetGrouping);
            }}
          >
            {groupings.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <ChoiceField
          label="Doctor"
          options={p.doctors.map((doc) => ({
            value: doc.id,
            label: `Dr. ${doc.first_name} ${doc.last_name}`,
          }))}
          value={doctorId}
          onChoose={setDoctorId}
          allLabel="All doctors"
        />
        {grouping !== 'office' ? (
          <label className="fd-checkbox">
            <input
              type="checkbox"
              checked={pagePerGroup}
              onChange={(e) => {
                setPagePerGroup(e.target.checked);
              }}
            />
            New page for each {grouping === 'room' ? 'room' : 'doctor'}
          </label>
        ) : null}
      </div>
      {book.error ? <ErrorNotice error={book.error} onRetry={book.reload} /> : null}
      {!book.data && !book.error ? <Spinner label="Loading the day" /> : null}
      {book.data ? (
        <section className="fd-paper-preview" aria-label="Print preview" tabIndex={0}>
          {sheet}
        </section>
      ) : null}
      {book.data ? <PrintRoot>{sheet}</PrintRoot> : null}
    </Screen>
  );
}
