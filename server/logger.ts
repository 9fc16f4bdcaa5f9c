import { Writable } from "node:stream";
import pino from "pino";

/** The small interface start-up code logs through (database, demo data, server.ts). */
export type Logger = { info: (message: string) => void; error: (message: string, error?: unknown) => void };

export type RootLogger = pino.Logger;

/**
 * Never written to the logs, whatever a call site passes: cookies, the Authorization header,
 * passwords and calendar tokens (docs/decisions/012).
 */
const REDACT = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  "cookie",
  "authorization",
  "password",
  "*.password",
  "variables.input.password",
  "token",
  "*.token",
];

/**
 * The process logger (pino): JSON lines in production, one plain line per entry in development,
 * silent under NODE_ENV=test. LOG_LEVEL overrides the level (default info).
 */
export function createRootLogger(env: NodeJS.ProcessEnv = process.env, destination?: NodeJS.WritableStream): RootLogger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info");
  const options: pino.LoggerOptions = { level, base: { service: "spros" }, redact: { paths: REDACT, censor: "[redacted]" } };
  if (destination) return pino(options, destination);
  if (env.NODE_ENV === "production") return pino(options);
  return pino({ ...options, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, plainLines(process.stdout));
}

/** The start-up `Logger` over a pino logger (errors keep their stack under `err`). */
export function toLogger(root: RootLogger): Logger {
  return {
    info: (message) => root.info(message),
    error: (message, error) => (error === undefined ? root.error(message) : root.error({ err: error }, message)),
  };
}

export const rootLogger = createRootLogger();

/** Kept under its old name so existing callers work unchanged; now backed by pino. */
export const consoleLogger: Logger = toLogger(rootLogger);

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** Development output without extra packages: `12:00:01 INFO  message {other fields}`. */
function plainLines(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        try {
          const { level, time, msg, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
          const clock = typeof time === "string" ? time.slice(11, 19) : "";
          const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
          const stack = (err as { stack?: string } | undefined)?.stack;
          out.write(`${clock} ${(LEVELS[level as number] ?? String(level)).padEnd(5)} ${String(msg ?? "")}${extra}${stack ? `\n${stack}` : ""}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}
