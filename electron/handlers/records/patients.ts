import type { PatientService } from '../../records/patient-service';
import type { HandlerGroup } from '../types';

type PatientChannels =
  | 'patients:search'
  | 'patients:get'
  | 'patients:create'
  | 'patients:update'
  | 'patients:customFields'
  | 'insurances:search';

/** Thin: the dispatcher validated the request; the patient service does the rest. */
export function patientHandlers(patients: PatientService): HandlerGroup<PatientChannels> {
  return {
    'patients:search': (query) => patients.search(query),
    'patients:get': ({ id }) => patients.get(id),
    'patients:create': ({ patient }) => patients.create(patient),
    'patients:update': (request) => patients.update(request),
    'patients:customFields': (_request) => patients.customFields(),
    'insurances:search': (request) => patients.searchPayers(request),
  };
}
