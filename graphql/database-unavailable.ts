import { GraphQLError, type ExecutionResult } from "graphql";
import { handleStreamOrSingleExecutionResult, maskError as yogaMaskError, type MaskError, type Plugin } from "graphql-yoga";

/**
 * While PostgreSQL restarts, fails over or refuses connections, a request cannot succeed however
 * often it is retried at once, but will succeed shortly. Such failures are answered as
 * SERVICE_UNAVAILABLE with a retry hint (and HTTP 503 + Retry-After) instead of Yoga's masked
 * INTERNAL_SERVER_ERROR, so clients and load balancers can tell "try again" from "bug".
 */

export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable at the moment; try again shortly.";

/** Socket-level failures of a connection to the database server. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
/**
 * SQLSTATEs of a server going away or not accepting work yet: admin_shutdown, crash_shutdown,
 * cannot_connect_now, too_many_connections, and class 08 (connection exception).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma: cannot reach, timed out, server closed the connection, no pooled connection in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds with the same meaning (Prisma 7, @prisma/adapter-pg). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseUnavailable"]);
/** pg's own messages for a lost connection and for the pool's connection timeout (no code). */
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** True when `error` (or anything it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, kind, originalCode, message, cause, originalError, meta } = error as Inspectable;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08"))) return true;
  }
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof originalCode === "string" && (UNAVAILABLE_SQLSTATES.has(originalCode) || originalCode.startsWith("08"))) return true;
  if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
  return [cause, originalError, meta?.driverAdapterError].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

export type DatabaseUnavailableOptions = { retryAfterSeconds?: number };

export function databaseUnavailableError(source: GraphQLError | undefined, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    nodes: source?.nodes,
    path: source?.path,
    extensions: {
      code: SERVICE_UNAVAILABLE,
      retryAfterSeconds,
      // Read by Yoga for the HTTP response and not sent to the client.
      http: { status: 503, headers: { "retry-after": String(retryAfterSeconds) } },
    },
  });
}

/**
 * Replaces database-unavailable errors in results (queries, mutations, each subscription event)
 * before Yoga masks unexpected errors. It must be listed in `plugins` (Yoga's masking runs after
 * user plugins). Errors thrown while building the context (the viewer lookup) happen before
 * execution and reach only Yoga's `maskedErrors.maskError`: see maskDatabaseUnavailable.
 */
export function databaseUnavailablePlugin(options: DatabaseUnavailableOptions = {}): Plugin {
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const replace = ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }) => {
    if (!result.errors?.some((error) => isDatabaseUnavailable(error.originalError))) return;
    setResult({
      ...result,
      errors: result.errors.map((error) => (isDatabaseUnavailable(error.originalError) ? databaseUnavailableError(error, retryAfterSeconds) : error)),
    });
  };
  return {
    onExecute: () => ({ onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, replace) }),
    onSubscribe: () => ({ onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, replace) }),
  };
}

/**
 * For Yoga's `maskedErrors: { maskError }`: the same answer for errors no plugin sees, those thrown
 * while building the context (the viewer lookup of a request whose session is not cached).
 */
export function maskDatabaseUnavailable(mask: MaskError = yogaMaskError, options: DatabaseUnavailableOptions = {}): MaskError {
  return (error, message, isDev) => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isDatabaseUnavailable(original)) return databaseUnavailableError(error instanceof GraphQLError ? error : undefined, options.retryAfterSeconds ?? 1);
    return mask(error, message, isDev);
  };
}
