import type { collectedChannels } from '../../shared/contract/collected-channels';
import type { recordsChannels } from '../../shared/contract/records-channels';
import type { Services } from '../app/services';
import { createBillingService } from '../records/billing-service';
import { createClinicalService } from '../records/clinical-service';
import { createCollectedService } from '../records/collected-service';
import { createPatientService } from '../records/patient-service';
import { createRecordsState } from '../records/state';
import { createTaskService } from '../records/task-service';
import { billingHandlers } from './records/billing';
import { clinicalHandlers } from './records/clinical';
import { collectedHandlers } from './records/collected';
import { patientHandlers } from './records/patients';
import type { HandlerGroup } from './types';

/**
 * Records at the desk: patients and insurance, billing and collected payments, allergies/
 * medications/problems, tasks. Each domain's service (in `electron/records/`) owns its drchrono
 * reads (with a short memory, to spare the practice's hourly quota) and sends every record edit
 * through the outbox, so nothing typed is lost when the network is; the handlers only call them.
 */
export function createRecordsHandlers(
  services: Services,
): HandlerGroup<keyof typeof recordsChannels | keyof typeof collectedChannels> {
  const state = createRecordsState(services.clock);
  // Patient data must not outlive the session in main's memory.
  services.auth.onChange((status) => {
    if (status.state !== 'signed-in') state.clear();
  });
  return {
    ...patientHandlers(createPatientService(state, services)),
    ...billingHandlers(createBillingService(services)),
    ...collectedHandlers(createCollectedService(services)),
    ...clinicalHandlers(createClinicalService(services)),
    ...createTaskService(state, services),
  };
}
