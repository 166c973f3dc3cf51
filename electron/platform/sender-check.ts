import { appOrigin, originOf } from './navigation';

/** The parts of an IPC event (and its frame) that decide whether to trust it. */
export interface SenderFacts {
  senderId: number;
  frame: { url: string; isMainFrame: boolean; detached: boolean } | null;
}

/**
 * A call is trusted only from the main frame of our own window, showing our own origin. A
 * subframe, a navigated-away page or another window never reaches a handler.
 */
export function isTrustedSender(
  facts: SenderFacts,
  expected: { windowIds: ReadonlySet<number>; origin?: string },
): boolean {
  if (!expected.windowIds.has(facts.senderId)) return false;
  if (!facts.frame || facts.frame.detached || !facts.frame.isMainFrame) return false;
  return originOf(facts.frame.url) === (expected.origin ?? appOrigin);
}
