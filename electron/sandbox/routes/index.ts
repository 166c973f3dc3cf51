import type { Route } from '../router';
import { appointmentRoutes } from './appointments';
import { billingRoutes } from './billing';
import { clinicalRoutes } from './clinical';
import { eligibilityRoutes } from './eligibility';
import { documentRoutes } from './documents';
import { patientRoutes } from './patients';
import { practiceRoutes } from './practice';
import { scheduleRoutes } from './schedule';
import { taskRoutes } from './tasks';

/** Every /api route. Order matters only where a literal segment shadows `:id`. */
export const apiRoutes: Route[] = [
  ...practiceRoutes,
  ...scheduleRoutes,
  ...appointmentRoutes,
  ...patientRoutes,
  ...billingRoutes,
  ...clinicalRoutes,
  ...documentRoutes,
  ...taskRoutes,
  ...eligibilityRoutes,
];
