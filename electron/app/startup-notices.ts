/**
 * What start-up had to reset, one sentence each, for the window to show (`app:info.notices`):
 * a damaged settings, connection or PIN file is moved aside and the app starts anyway.
 */
export interface StartupNotices {
  add(sentence: string): void;
  list(): string[];
}

export function createStartupNotices(): StartupNotices {
  const sentences: string[] = [];
  return {
    add(sentence) {
      if (!sentences.includes(sentence)) sentences.push(sentence);
    },
    list: () => [...sentences],
  };
}

export const resetSentences = {
  settings: (keptAs: string) =>
    `Your preferences file was damaged, so the preferences were reset to their defaults (the old file was kept as ${keptAs}).`,
  connection: (keptAs: string) =>
    `The saved connection to drchrono was damaged and was reset: enter the client ID and secret again in Settings (the old file was kept as ${keptAs}).`,
  pin: (keptAs: string) =>
    `The lock PIN file was damaged and the PIN was removed: set a new one in Settings; until then, sign in to unlock (the old file was kept as ${keptAs}).`,
} as const;
