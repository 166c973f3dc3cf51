import { useEffect, useRef } from 'react';
import type { AppointmentItem, PatientBrief } from '../../shared/contract';
import { useFrontdesk } from '../bridge';
import type { NavTarget } from '../ui';

/**
 * Other areas send the desk here with an appointment to show or a patient to book for. Each
 * target is acted on once: the appointment is looked up (cache first) and focused on its day;
 * the patient is read and the booking dialog opens for them.
 */
export function useNavigationTarget(
  target: NavTarget,
  handlers: {
    show: (appointment: AppointmentItem) => void;
    bookFor: (patient: PatientBrief) => void;
  },
): void {
  const api = useFrontdesk();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const handled = useRef<NavTarget | null>(null);
  useEffect(() => {
    if (target.area !== 'calendar' || handled.current === target) return;
    handled.current = target;
    if (target.appointmentId) {
      const id = target.appointmentId;
      void api.appointments.get({ id }).then((reply) => {
        const found = reply.ok ? reply.value.appointments.find((a) => a.id === id) : undefined;
        if (found) latest.current.show(found);
      });
    }
    if (target.bookForPatientId !== undefined) {
      const patientId = target.bookForPatientId;
      void api.patients.get({ id: patientId }).then((reply) => {
        latest.current.bookFor(reply.ok ? reply.value.patient : { id: patientId });
      });
    }
  }, [target, api]);
}
