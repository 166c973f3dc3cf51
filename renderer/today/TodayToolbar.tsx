import type { Practice } from '../../shared/contract';
import type { IsoDate, WallTime } from '../../shared/time/practice-time';
import { doctorName } from '../app/format';
import { formatClock } from '../../shared/schedule';

export interface TodayToolbarProps {
  practice: Practice;
  today: IsoDate;
  now: WallTime;
  hour12: boolean;
  officeId: number;
  doctorId: number | null;
  /** The doctors with visits today at this office. */
  doctors: Practice['doctors'];
  onOffice: (officeId: number) => void;
  onDoctor: (doctorId: number | null) => void;
  /** Each column split per doctor. */
  byDoctor: boolean;
  onByDoctor: (on: boolean) => void;
  onPracticeSummary: () => void;
}

/** "Monday, November 23": the practice's date, named the same on any machine. */
function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today's title, the office (when there are several) and the doctor shown. */
export function TodayToolbar(props: TodayToolbarProps) {
  const { practice, officeId, doctorId, doctors } = props;
  const offices = practice.offices.filter((o) => o.archived !== true);
  return (
    <div className="fdt-toolbar">
      <h1 className="fdt-toolbar__title">
        Today <span className="fdt-toolbar__date">{longDate(props.today)}</span>
        <span className="fdt-toolbar__clock">{formatClock(props.now, props.hour12)}</span>
      </h1>
      {offices.length > 1 ? (
        <label className="fdt-toolbar__field">
          Office
          <select
            value={officeId}
            onChange={(e) => {
              props.onOffice(Number(e.target.value));
            }}
          >
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="fdt-toolbar__field">
        Doctor
        <select
          value={doctorId ?? ''}
          onChange={(e) => {
            props.onDoctor(e.target.value === '' ? null : Number(e.target.value));
          }}
        >
          <option value="">All doctors</option>
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {doctorName(d)}
            </option>
          ))}
        </select>
      </label>
      <label className="fdt-toolbar__check">
        <input
          type="checkbox"
          checked={props.byDoctor}
          onChange={(e) => {
            props.onByDoctor(e.target.checked);
          }}
        />
        Group by doctor
      </label>
      <p className="fdt-toolbar__keys">
        On a row: <kbd>3</kbd> Arrived, <kbd>4</kbd> Checked in, <kbd>5</kbd> In room, <kbd>7</kbd>{' '}
        Complete, <kbd>8</kbd> No show
      </p>
      <button type="button" className="fdt-link" onClick={props.onPracticeSummary}>
        Practice summary
      </button>
    </div>
  );
}
