/**
 * Logging. `logger` is anything console-like (`debug`, `info`, `warn`, `error`); the level comes from the
 * `logLevel` option, else the `METACOLLECT_LOG` environment variable, else `warn`. `off` silences everything.
 * Log lines never contain credentials: only method, URL (origin and path), status, duration, attempt and request id,
 * and structured details pass through `redactValue`.
 */
import { redactValue } from './redact.js';

/** Minimum severity written to the logger; `off` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** A console-like logger; `console` fits. A missing method falls back to `error`; a throwing logger is ignored. */
export interface Logger {
  /** Per-attempt details: method, URL (origin and path), status, duration, attempt, request id. */
  debug(message: string, ...args: unknown[]): void;
  /** Retries: what failed and how long the client waits before the next attempt. */
  info(message: string, ...args: unknown[]): void;
  /** Responses whose documented fields have the wrong type (when `strictResponses` is off). */
  warn(message: string, ...args: unknown[]): void;
  /** Errors; part of the console-like shape (the clients report failures by throwing). */
  error(message: string, ...args: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Whether the process has already been told that its `METACOLLECT_LOG` value is unknown. */
let warnedUnknownEnv = false;

/**
 * Level from the option, else `METACOLLECT_LOG`, else `warn`. An unknown env value (e.g. `verbose`) counts as unset
 * and is reported through `warn` once per process, naming the accepted values.
 */
export function resolveLogLevel(
  option: LogLevel | undefined,
  env: Record<string, string | undefined>,
  warn?: (message: string) => void,
): LogLevel {
  if (option) return option;
  const raw = env['METACOLLECT_LOG'];
  const fromEnv = raw?.trim().toLowerCase();
  if (isLogLevel(fromEnv)) return fromEnv;
  if (raw !== undefined && fromEnv !== '' && !warnedUnknownEnv && warn !== undefined) {
    warnedUnknownEnv = true;
    // The value is cut short and shown as JSON: it is configuration, yet never echoed unbounded into a log.
    warn(
      `METACOLLECT_LOG=${JSON.stringify(raw.slice(0, 40))} is not a log level (use one of ${LOG_LEVELS.join(', ')}); using warn`,
    );
  }
  return 'warn';
}

/** A level-filtering, redacting wrapper around a console-like logger. */
export class LevelLogger implements Logger {
  constructor(
    private readonly target: Partial<Logger>,
    readonly level: LogLevel,
  ) {}

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANK[level] >= RANK[this.level];
  }

  private emit(level: Exclude<LogLevel, 'off'>, message: string, args: unknown[]): void {
    if (!this.enabled(level)) return;
    const fn = this.target[level] ?? this.target.error;
    if (!fn) return;
    try {
      fn.call(this.target, `[metacollect] ${message}`, ...args.map((a) => redactValue(a)));
    } catch {
      // a failing logger never breaks a call
    }
  }

  debug(message: string, ...args: unknown[]): void {
    this.emit('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.emit('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.emit('warn', message, args);
  }
  error(message: string, ...args: unknown[]): void {
    this.emit('error', message, args);
  }
}
