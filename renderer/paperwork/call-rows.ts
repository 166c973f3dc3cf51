import type { AppointmentItem, Book, Practice } from '../../shared/contract';
import { formatClock, patientName, roomName } from '../../shared/schedule';
import { lastReminderState } from './reminder-words';

export interface CallRow {
  id: string;
  time: string;
  patient: string;
  /** Cell first: a text back is likelier there. */
  phones: string[];
  /** "North Office · Exam 2 · Dr. Okafor". */
  where: string;
  reminder: string;
}

export function callRow(
  a: AppointmentItem,
  book: Book,
  practice: Practice,
  reminders: Record<string, NonNullable<AppointmentItem['reminders']>> | null,
  nowWall: string,
  /** The desk's clock (Settings, else the practice's country). */
  hour12: boolean,
): CallRow {
  const patient = book.patients[String(a.patient)];
  const office = practice.offices.find((o) => o.id === a.office);
  const doctor = practice.doctors.find((d) => d.id === a.doctor);
  const phones = [
    patient?.cell_phone ? `${patient.cell_phone} (cell)` : null,
    patient?.home_phone ? `${patient.home_phone} (home)` : null,
  ].filter((p): p is string => p !== null);
  return {
    id: a.id,
    time: formatClock(a.scheduled_time, hour12),
    patient: patientName(patient) ?? 'Patient',
    phones: phones.length > 0 ? phones : ['No phone on file'],
    where: [office?.name, roomName(office, a.exam_room), doctor ? `Dr. ${doctor.last_name}` : null]
      .filter(Boolean)
      .join(' · '),
    reminder: reminders ? lastReminderState(reminders[a.id], nowWall, hour12) : 'Reminders loading',
  };
}
