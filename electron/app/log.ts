/**
 * The app's log. It receives no patient data by design (callers log codes, counts and channel
 * names), and scrubs what could still slip through from the renderer's `app:log`: e-mail addresses,
 * long digit runs (phones, dates of birth, record numbers) and bearer-looking tokens.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, source: string, message: string): void;
}

const patterns: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  [/\b(bearer|token|secret|code|state|password)\b\s*[:=]?\s*\S+/gi, '$1 [hidden]'],
  [/[A-Za-z0-9_-]{24,}/g, '[hidden]'],
  [/\d[\d\s()./-]{2,}\d/g, '[digits]'],
];

// Control characters would let a message forge extra log lines.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/g;

export function scrub(message: string): string {
  let text = message.slice(0, 500).replace(controlCharacters, ' ');
  for (const [pattern, replacement] of patterns) text = text.replace(pattern, replacement);
  return text;
}

export function createConsoleLogger(
  write: (line: string) => void = (line) => {
    process.stderr.write(`${line}\n`);
  },
): Logger {
  return {
    log(level, source, message) {
      write(`[frontdesk] ${level} ${scrub(source)}: ${scrub(message)}`);
    },
  };
}

/** For tests: keeps lines in memory. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createConsoleLogger((line) => lines.push(line));
  return { ...logger, lines };
}
