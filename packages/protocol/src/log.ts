/**
 * Structured logs: one JSON object per line on stdout, with the service name, so the processes'
 * logs can be merged and filtered by any log shipper.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "fatal";
/**
 * `fatal` is an alert: something needs a person now (a consumer stuck on one entry, a command
 * that stopped the engine). It is always written, whatever the minimum level.
 */
const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  fatal: 50,
};

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The process cannot go on (or went on only by setting work aside): someone must look. */
  fatal(msg: string, fields?: Record<string, unknown>): void;
}

/** An `error` or `fatal` line as the process's alert sink receives it. */
export interface LogAlert {
  level: "error" | "fatal";
  service: string;
  msg: string;
  /** Epoch ms. */
  at: number;
  /** The line's fields as JSON text. */
  detail: string;
}

/**
 * Where this process's `error` and `fatal` lines also go (process-reports.ts sends them to the
 * alert center). One per process, set at start, so loggers created at module load report too.
 */
let alertSink: ((alert: LogAlert) => void) | undefined;

/** Sets (or, with undefined, clears) the process's alert sink. */
export function setLogAlertSink(sink: ((alert: LogAlert) => void) | undefined): void {
  alertSink = sink;
}

export function createLogger(service: string, minLevel: LogLevel = "info"): Logger {
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (LEVEL_RANK[level] < LEVEL_RANK[minLevel]) return;
    const at = new Date();
    const line = { t: at.toISOString(), level, service, msg, ...fields };
    process.stdout.write(`${JSON.stringify(line, jsonSafe)}\n`);
    if (alertSink && (level === "error" || level === "fatal")) {
      const detail = fields ? JSON.stringify(fields, jsonSafe) : "{}";
      alertSink({ level, service, msg, at: at.getTime(), detail });
    }
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    fatal: (msg, fields) => write("fatal", msg, fields),
  };
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  // The stack and cause too: an unexpected error is logged once, under a reference, and this
  // line is all an operator will have of it.
  if (value instanceof Error)
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...(value.cause === undefined ? {} : { cause: value.cause }),
    };
  return value;
}
