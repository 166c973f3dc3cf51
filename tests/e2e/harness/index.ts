/**
 * The e2e harness: the drchrono sandbox, the browser host pointed at it, and Chromium in a time
 * zone other than the practice's. Every piece starts on a free port and stops in `close()`.
 *
 *   const stack = await startStack();          // sandbox + host + browser + page
 *   await signIn(stack.page);                   // through the sandbox's consent page
 *   ...                                         // stack.sandbox.control: faults, counts, data
 *   await stack.close();
 *
 * Build the renderer first (`npm test` and `npm run test:e2e` do): the host serves dist/renderer.
 */
export { startSandbox, type SandboxServer } from './sandbox';
export { startHost, type HostOptions, type WebHost } from './host';
export { launchBrowser, newPage, practiceTimezone, browserTimezone } from './browser';
export { signIn } from './sign-in';
export { startStack, type Stack, type StackOptions } from './stack';
export { collectSecrets, findSecrets } from './secrets';
export { nav, openPatient, openVisitBilling } from './desk-records';
export {
  serverGet,
  sandboxDay,
  freeSlot,
  draggableVisit,
  openDeskCalendar,
  type DeskOffice,
  type DeskAppointment,
} from './desk-book';
export { pdfPages } from './pdf-text';
export { waitQuiet, expectPrintedOnce } from './print-and-quiet';
