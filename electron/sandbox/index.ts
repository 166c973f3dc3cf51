/** The drchrono sandbox: a local stand-in for drchrono's v4 API, OAuth pages and its faults. */
export { createSandbox, type Sandbox } from './app';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';
export { demoClient, resolveOptions, type ResolvedOptions, type SandboxOptions } from './options';
export type { SandboxControl, SandboxCounts, AsOtherResult } from './control';
export type { SandboxData, DataView } from './data-views';
export type { FaultConfig } from './faults';
export { noFaults } from './faults';
export type { SandboxClient, TokenResponse } from './oauth-state';
export type { QuotaUsage } from './quota';
export type { RequestLogEntry } from './request-log';
export type { FaultKind } from './stats';
export type { Outcome } from './pipeline';
export type { CanaryPlacement, Appointment, LineItem, Doc, ExamRoom, Payer } from './model';
export { appointmentStatuses, appointmentBillingStatuses } from './model';
export type { Db } from './db';
export { openSlots, type Slot } from './routes/schedule';
export { insuranceKeys, emptyInsurance } from './seed/patients';
export { paymentMethods } from './seed/billing';
