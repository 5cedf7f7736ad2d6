/** A tiny line-oriented logger: one line per event, filtered by level. */

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra key=value pairs appended to a log line (board id, reason, counts…). */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

/** Whether a string names a log level. */
export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

type Write = (line: string) => void;

/** Formats one value so that a line stays one line and stays greppable. */
function formatValue(value: string | number | boolean): string {
  const text = String(value);
  return /^[\w.:/@+-]*$/.test(text) && text !== '' ? text : JSON.stringify(text);
}

/** Builds the text of one log line (exported for tests). */
export function formatLine(level: string, message: string, fields?: LogFields): string {
  let line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value !== undefined) line += ` ${key}=${formatValue(value)}`;
  }
  return line;
}

/**
 * Creates a logger that prints events at `level` and above; errors and warnings go to stderr,
 * the rest to stdout. `write` can be replaced to capture lines in tests.
 */
export function createLogger(level: LogLevel, write?: { out: Write; err: Write }): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const out: Write = write?.out ?? ((line) => process.stdout.write(line + '\n'));
  const err: Write = write?.err ?? ((line) => process.stderr.write(line + '\n'));
  const emit = (lineLevel: Exclude<LogLevel, 'silent'>, sink: Write) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(lineLevel) <= rank) sink(formatLine(lineLevel, message, fields));
  };
  return {
    error: emit('error', err),
    warn: emit('warn', err),
    info: emit('info', out),
    debug: emit('debug', out),
  };
}

/** A logger that drops everything (default for unit tests). */
export const silentLogger: Logger = createLogger('silent');
