import type { RefObject } from 'react';
import {
  calendarViews,
  type AppointmentItem,
  type PatientBrief,
  type Practice,
} from '../../shared/contract';
import type { IsoDate } from '../../shared/time/practice-time';
import { DaySheetButton } from '../paperwork/DaySheetButton';
import { Button } from '../ui';
import type { DoctorMark } from './doctor-marks';
import { DoctorLegend } from './DoctorLegend';
import { PatientFinder } from './PatientFinder';
import { useMediaQuery } from './useMediaQuery';
import type { CalendarPrefs } from './useCalendarPrefs';
import { rangeTitle, viewNames } from './view-range';

const slotSizes = [5, 10, 15, 20, 30, 60];

export interface CalendarToolbarProps {
  practice: Practice;
  prefs: CalendarPrefs;
  officeId: number;
  date: IsoDate;
  firstDay: 0 | 1;
  marks: ReadonlyMap<number, DoctorMark>;
  loading: boolean;
  showCancelled: boolean;
  finderRef: RefObject<HTMLInputElement | null>;
  onPrefs: (patch: Partial<CalendarPrefs>) => void;
  onDate: (date: IsoDate) => void;
  onToday: () => void;
  onStep: (direction: 1 | -1) => void;
  onShowCancelled: (show: boolean) => void;
  onNew: () => void;
  onHelp: () => void;
  onShowAppointment: (appointment: AppointmentItem) => void;
  onBookFor: (patient: PatientBrief) => void;
  onOpenRecord: ((patient: PatientBrief) => void) | null;
}

/** Today, previous/next, the date, the view, office, doctor and slot size, search and booking. */
export function CalendarToolbar(p: CalendarToolbarProps) {
  const offices = p.practice.offices.filter((o) => o.archived !== true);
  // A laptop's width: the short date, so the toolbar keeps to two rows.
  const narrow = useMediaQuery('(max-width: 1365px)');
  return (
    <div className="fdc-toolbar" role="toolbar" aria-label="Calendar">
      <div className="fd-toolbar">
        <Button onClick={p.onToday} aria-keyshortcuts="T">
          Today
        </Button>
        <Button
          aria-label="Previous"
          aria-keyshortcuts="ArrowLeft J"
          onClick={() => {
            p.onStep(-1);
          }}
        >
          ‹
        </Button>
        <Button
          aria-label="Next"
          aria-keyshortcuts="ArrowRight K"
          onClick={() => {
            p.onStep(1);
          }}
        >
          ›
        </Button>
        <h2 className="fdc-title" aria-live="polite">
          {rangeTitle(p.prefs.view, p.date, p.firstDay, narrow)}
          {p.loading ? <span className="fdc-loading" aria-hidden="true" /> : null}
        </h2>
        <label className="fdc-inline">
          <span className="fd-visually-hidden">Go to date</span>
          <input
            className="fd-input fdc-date"
            type="date"
            value={p.date}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) p.onDate(e.target.value);
            }}
          />
        </label>
        <div className="fdc-segmented" role="group" aria-label="View">
          {calendarViews.map((v) => (
            <Button
              key={v}
              size="small"
              aria-pressed={p.prefs.view === v}
              variant={p.prefs.view === v ? 'primary' : 'secondary'}
              onClick={() => {
                p.onPrefs({ view: v });
              }}
            >
              {viewNames[v]}
            </Button>
          ))}
        </div>
        <span className="fdc-spacer" />
        <PatientFinder
          inputRef={p.finderRef}
          onShow={p.onShowAppointment}
          onBook={p.onBookFor}
          onOpenRecord={p.onOpenRecord}
        />
        <Button variant="primary" onClick={p.onNew} aria-keyshortcuts="N">
          New appointment
        </Button>
        <Button aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={p.onHelp}>
          ?
        </Button>
      </div>
      <div className="fd-toolbar fdc-filters">
        <label className="fdc-inline">
          Office
          <select
            className="fd-select"
            value={p.officeId}
            onChange={(e) => {
              p.onPrefs({ officeId: Number(e.target.value) });
            }}
          >
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="fdc-inline">
          Doctor
          <select
            className="fd-select"
            value={p.prefs.doctorId ?? ''}
            onChange={(e) => {
              p.onPrefs({ doctorId: e.target.value === '' ? null : Number(e.target.value) });
            }}
          >
            <option value="">All doctors</option>
            {p.practice.doctors.map((d) => (
              <option key={d.id} value={d.id}>
                Dr. {d.first_name} {d.last_name}
              </option>
            ))}
          </select>
        </label>
        <label className="fdc-inline">
          Slots
          <select
            className="fd-select"
            value={p.prefs.slotMinutes}
            onChange={(e) => {
              p.onPrefs({ slotMinutes: Number(e.target.value) });
            }}
          >
            {slotSizes.map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
          </select>
        </label>
        <label className="fd-checkbox">
          <input
            type="checkbox"
            checked={p.showCancelled}
            onChange={(e) => {
              p.onShowCancelled(e.target.checked);
            }}
          />
          Show cancelled
        </label>
        <DoctorLegend
          marks={p.marks}
          doctorId={p.prefs.doctorId}
          onDoctor={(doctorId) => {
            p.onPrefs({ doctorId });
          }}
        />
        {/* Paper is the rarer errand: it sits with the filters, leaving the first row one line. */}
        <span className="fdc-spacer" />
        <DaySheetButton date={p.date} officeId={p.officeId} />
      </div>
    </div>
  );
}
