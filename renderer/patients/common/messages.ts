/** The words the desk sees when an edit waits in the outbox. */
export const queuedMessage = 'Saved on this computer — will be sent when drchrono is reachable.';

export const noDeleteMessage = (what: string, how: string) =>
  `drchrono has no delete for ${what}: mark one ${how} instead, and it stays in the chart’s history.`;
