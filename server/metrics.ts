import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Prometheus metrics for one server process (docs/decisions/012). Every server owns its Registry,
 * so tests can run several servers in one process. Labels are bounded: route classes, not URLs;
 * operation names cleaned, capped in length and in number.
 */

export type RouteClass = "graphql" | "page" | "static" | "healthz" | "metrics" | "calendar";
export type OperationType = "query" | "mutation" | "subscription" | "unknown";
export type PlanningOutcome = "succeeded" | "failed" | "cancelled";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const RUN_SECONDS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600];
const MAX_NAME_LENGTH = 64;
const MAX_DISTINCT_NAMES = 300;

export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({ name: "http_requests_total", help: "HTTP requests by method, route class and status", labelNames: ["method", "route", "status"], registers: [registry] });
  const httpDuration = new Histogram({ name: "http_request_duration_seconds", help: "HTTP request duration", labelNames: ["method", "route", "status"], buckets: SECONDS, registers: [registry] });
  const operations = new Counter({ name: "graphql_operations_total", help: "GraphQL operations executed, by type and operation name", labelNames: ["type", "name"], registers: [registry] });
  const operationDuration = new Histogram({ name: "graphql_operation_duration_seconds", help: "GraphQL execution time (subscriptions: time to set up)", labelNames: ["type", "name"], buckets: SECONDS, registers: [registry] });
  const errors = new Counter({ name: "graphql_errors_total", help: "GraphQL results carrying errors (validation or execution)", labelNames: ["type", "name"], registers: [registry] });
  const subscriptions = new Gauge({ name: "graphql_subscriptions_active", help: "Open GraphQL subscriptions over WebSocket", registers: [registry] });
  const planningRuns = new Histogram({ name: "planning_run_duration_seconds", help: "Planning (scheduler) run duration by outcome", labelNames: ["outcome"], buckets: RUN_SECONDS, registers: [registry] });
  for (const outcome of ["succeeded", "failed", "cancelled"] as const) planningRuns.zero({ outcome });

  const seenNames = new Set<string>();
  /** Unnamed → "anonymous"; only [A-Za-z0-9_], at most 64 characters, at most 300 distinct names. */
  function operationName(name: string | null | undefined): string {
    const cleaned = (name ?? "").replace(/[^A-Za-z0-9_]/g, "").slice(0, MAX_NAME_LENGTH);
    if (!cleaned) return "anonymous";
    if (seenNames.has(cleaned)) return cleaned;
    if (seenNames.size >= MAX_DISTINCT_NAMES) return "other";
    seenNames.add(cleaned);
    return cleaned;
  }

  return {
    registry,
    operationName,
    observeHttp(method: string, route: RouteClass, status: number, seconds: number) {
      const labels = { method: normaliseMethod(method), route, status: String(status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },
    observeOperation(type: OperationType, name: string | null | undefined, seconds: number, failed: boolean) {
      const labels = { type, name: operationName(name) };
      operations.inc(labels);
      operationDuration.observe(labels, seconds);
      if (failed) errors.inc(labels);
    },
    observeInvalidOperation(type: OperationType, name: string | null | undefined) {
      errors.inc({ type, name: operationName(name) });
    },
    subscriptionOpened: () => subscriptions.inc(),
    subscriptionClosed: () => subscriptions.dec(),
    observePlanningRun(outcome: PlanningOutcome, seconds: number) {
      planningRuns.observe({ outcome }, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
function normaliseMethod(method: string) {
  return METHODS.has(method) ? method : "OTHER";
}

/** The route class of a path: a handful of values, never the URL itself. */
export function routeClass(path: string): RouteClass {
  if (path === "/graphql" || path.startsWith("/graphql/")) return "graphql";
  if (path === "/healthz") return "healthz";
  if (path === "/metrics") return "metrics";
  if (path.startsWith("/calendar/")) return "calendar";
  if (path.startsWith("/build/") || /\.[A-Za-z0-9]{1,8}$/.test(path)) return "static";
  return "page";
}

/**
 * Who may scrape /metrics: anyone from loopback; otherwise only with `Authorization: Bearer
 * <METRICS_TOKEN>` when a token is configured. Without a token, non-loopback scrapes are refused.
 */
export function metricsAccessAllowed(remoteAddress: string | undefined, authorization: string | undefined, token: string | undefined): boolean {
  if (isLoopback(remoteAddress)) return true;
  if (!token) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** GET /metrics in the Prometheus text format, behind `metricsAccessAllowed`. */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!metricsAccessAllowed(req.socket.remoteAddress, req.headers.authorization, token)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("forbidden\n");
      return;
    }
    try {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${(error as Error).message}\n`);
    }
  };
}
