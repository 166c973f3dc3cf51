import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import resourceTimeGridPlugin from '@fullcalendar/resource-timegrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { Book, Practice } from '../../../shared/contract';
import { addMinutesToWall } from '../../../shared/time/practice-time';

/**
 * Bare FullCalendar 6.1.21 on the same data, default event content, measured in the same run as
 * the desk's calendar: the baseline the figures compare against.
 */
export function Bare({ practice, book, view }: { practice: Practice; book: Book; view: string }) {
  const office = practice.offices[0];
  const events = book.appointments.map((a) => ({
    id: a.id,
    title: a.patient === null ? 'Break' : (book.patients[String(a.patient)]?.last_name ?? ''),
    start: `${a.scheduled_time}Z`,
    end: `${addMinutesToWall(a.scheduled_time, a.duration)}Z`,
    resourceId: String(a.exam_room),
    extendedProps: { label: `${a.scheduled_time.slice(11, 16)} x, y, Exam ${a.exam_room}` },
  }));
  return (
    <div style={{ height: '100%' }}>
      <FullCalendar
        plugins={[resourceTimeGridPlugin, timeGridPlugin, interactionPlugin]}
        schedulerLicenseKey="GPL-My-Project-Is-Open-Source"
        timeZone="UTC"
        initialView={view === 'week' ? 'timeGridWeek' : 'resourceTimeGridDay'}
        initialDate={practice.today}
        height="100%"
        allDaySlot={false}
        slotMinTime={office?.start_time ?? '07:00:00'}
        slotMaxTime={office?.end_time ?? '19:00:00'}
        slotDuration={{ minutes: view === 'week' ? 15 : 30 }}
        resources={(office?.exam_rooms ?? []).map((r) => ({ id: String(r.index), title: r.name }))}
        events={events}
        editable
        eventResourceEditable
        eventDidMount={(info) => {
          if (info.isMirror) return;
          info.el.dataset.appointmentId = info.event.id;
          info.el.tabIndex = 0;
          info.el.setAttribute('aria-label', String(info.event.extendedProps.label));
        }}
      />
    </div>
  );
}
