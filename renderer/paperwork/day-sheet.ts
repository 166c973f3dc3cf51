import type { AppointmentItem, Book, Practice } from '../../shared/contract';
import { formatBirthDate } from '../../shared/time/birth-date';
import type { EligibilityCheck } from '../../shared/drchrono';
import { formatClock, patientName, roomName } from '../../shared/schedule';
import { summarizeEligibility } from './eligibility-words';

export type SheetGrouping = 'office' | 'room' | 'doctor';

export interface SheetRow {
  id: string;
  time: string;
  patient: string;
  dateOfBirth: string;
  phone: string;
  reason: string;
  status: string;
  doctor: string;
  room: string;
  flags: string[];
  /** "25.00", or "" when nothing is owed or balances are unknown. */
  balanceDue: string;
}

export interface SheetPage {
  key: string;
  /** "North Office", "North Office · Exam 2", "Dr. Ada Okafor". */
  title: string;
  rows: SheetRow[];
}

export interface SheetInput {
  practice: Practice;
  book: Book;
  officeId: number | null;
  grouping: SheetGrouping;
  doctorId: number | null;
  /** One room only (its 1-based index in the office); null: every room. */
  examRoom?: number | null;
  balances: Record<string, string> | null;
  eligibility: Record<string, EligibilityCheck[]> | null;
  /** The desk's clock (Settings, else the practice's country): "9:30 AM" or "09:30". */
  hour12: boolean;
}

/**
 * The day sheet: the day's visits (not breaks, not cancelled) as paper rows, one page per office,
 * room or doctor. Everything comes from data the desk already holds for the day.
 */
export function buildDaySheet(input: SheetInput): SheetPage[] {
  const { practice, book, grouping } = input;
  const offices = new Map(practice.offices.map((o) => [o.id, o]));
  const doctors = new Map(
    practice.doctors.map((d) => [d.id, `Dr. ${d.first_name} ${d.last_name}`]),
  );
  const profiles = new Map(practice.profiles.map((p) => [p.id, p]));
  const visits = book.appointments
    .filter(
      (a) =>
        a.patient !== null &&
        a.status !== 'Cancelled' &&
        a.deleted_flag !== true &&
        (input.officeId === null || a.office === input.officeId) &&
        (input.doctorId === null || a.doctor === input.doctorId) &&
        (input.examRoom == null || a.exam_room === input.examRoom),
    )
    .sort((a, b) => a.scheduled_time.localeCompare(b.scheduled_time));

  const pages = new Map<string, SheetPage>();
  const pageFor = (a: AppointmentItem): SheetPage => {
    const office = offices.get(a.office);
    const officeName = office?.name ?? 'Office';
    const key =
      grouping === 'office'
        ? `o${String(a.office)}`
        : grouping === 'room'
          ? `o${String(a.office)}r${String(a.exam_room)}`
          : `d${String(a.doctor)}`;
    const title =
      grouping === 'office'
        ? officeName
        : grouping === 'room'
          ? `${officeName} · ${roomName(office, a.exam_room)}`
          : (doctors.get(a.doctor) ?? 'Doctor');
    const page = pages.get(key) ?? { key, title, rows: [] };
    pages.set(key, page);
    return page;
  };

  for (const a of visits) {
    const patient = book.patients[String(a.patient)];
    const eligibility = summarizeEligibility(input.eligibility?.[a.id]);
    const balance = input.balances?.[a.id];
    const flags = [
      a.is_walk_in === true ? 'Walk-in' : null,
      a.recurring_appointment === true || a.base_recurring_appointment != null ? 'Recurring' : null,
      a.notes?.trim() ? 'Note' : null,
      eligibility && eligibility.verdict !== 'eligible' ? eligibility.label : null,
      a.pending ? 'Not sent yet' : null,
    ].filter((f): f is string => f !== null);
    pageFor(a).rows.push({
      id: a.id,
      time: formatClock(a.scheduled_time, input.hour12),
      patient: patientName(patient) ?? 'Patient',
      dateOfBirth: formatBirthDate(patient?.date_of_birth),
      phone: patient?.cell_phone || patient?.home_phone || '',
      reason:
        (a.reason ?? '').trim() || (a.profile != null ? (profiles.get(a.profile)?.name ?? '') : ''),
      status: a.status ?? '',
      doctor: doctors.get(a.doctor) ?? '',
      room: roomName(offices.get(a.office), a.exam_room),
      flags,
      balanceDue: balance && Number(balance) > 0 ? balance : '',
    });
  }
  return [...pages.values()].sort((a, b) =>
    a.title.localeCompare(b.title, undefined, { numeric: true }),
  );
}
