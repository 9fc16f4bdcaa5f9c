import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { calendarFeedHandler } from "./calendar-feed";
import type { RootLogger } from "./logger";
import { metricsHandler, routeClass, type Metrics } from "./metrics";
import { foreignOriginRefusal, nodeHeaders, type OriginPolicy } from "../graphql/csrf";
import { createInProcessGraphQL, type InProcessGraphQL } from "../graphql/in-process";
import { readRequestClient } from "../graphql/request-client";
import type { SprosYoga } from "../graphql/yoga";

declare module "@remix-run/node" {
  interface AppLoadContext {
    graphql: InProcessGraphQL;
  }
}

export type AppState = {
  ready: boolean;
  yoga?: SprosYoga;
  remixBuild?: () => Promise<ServerBuild>;
};

/** Metrics and access logs (docs/decisions/012); both optional so tests can leave them out. */
export type Observability = { metrics?: Metrics; logger?: RootLogger; metricsToken?: string };

/** Cross-site refusal for page form posts (docs/decisions/013); trustProxy also picks the client IP. */
export type PageSecurity = { originPolicy: OriginPolicy };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** An incoming x-request-id is kept only if it is a short plain token. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * One express app: /healthz, /graphql (Yoga over HTTP), static assets and the Remix pages.
 * It answers from the first moment; until the database is migrated it serves 503s with a short
 * notice, and /healthz turns 200 only once everything is ready.
 */
export function createHttpApp(
  state: AppState,
  root: string,
  observability: Observability = {},
  security: PageSecurity = { originPolicy: { trustedOrigins: [], trustProxy: false } },
) {
  const { metrics, logger } = observability;
  const app = express();
  app.disable("x-powered-by");

  // Request id (kept on the request headers, so Yoga sees it too), access log and HTTP metrics.
  app.use((req, res, next) => {
    const started = performance.now();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const route = routeClass(req.path); // read now: mounted routers rewrite req.url while they run
    const path = loggablePath(req.path);
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
      metrics?.observeHttp(req.method, route, status, seconds);
      const quiet = route === "healthz" || route === "metrics" || route === "static";
      logger?.[quiet ? "debug" : "info"](
        { reqId: requestId, method: req.method, route, path, status, ms: Math.round(seconds * 10_000) / 10 },
        "request",
      );
    });
    next();
  });

  if (metrics) app.get("/metrics", metricsHandler(metrics, observability.metricsToken));

  app.get("/healthz", (_req, res) => {
    res.status(state.ready ? 200 : 503).json({ status: state.ready ? "ok" : "starting" });
  });

  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  app.use((req, res, next) => {
    if (state.ready) return next();
    res.status(503).set("retry-after", "2").type("text/plain; charset=utf-8")
      .send("Спрос запускается… / Spros is starting…");
  });

  app.use("/graphql", (req, res) => state.yoga!(req, res));
  app.get("/calendar/:token.ics", calendarFeedHandler(() => state.yoga));

  // A page's form action runs GraphQL in-process with the visitor's cookie: a foreign page must
  // not be able to post it (the in-process call itself carries no Origin to check).
  app.use((req, res, next) => {
    if (!UNSAFE_METHODS.has(req.method)) return next();
    const refusal = foreignOriginRefusal(nodeHeaders(req.headers), security.originPolicy);
    if (!refusal) return next();
    res.status(403).type("text/plain; charset=utf-8").send(
      "Запрос с другого сайта отклонён. / Cross-site request refused.",
    );
    logger?.warn({ reqId: req.headers["x-request-id"], path: loggablePath(req.path), reason: refusal }, "cross-site page post refused");
  });

  // One request handler per build: rebuilt only when `npm run dev` swaps the build in.
  let handlerFor: { build: ServerBuild; handle: ReturnType<typeof createRequestHandler> } | undefined;
  app.all("*", async (req, res, next) => {
    try {
      const build = await state.remixBuild!();
      if (handlerFor?.build !== build) {
        handlerFor = {
          build,
          handle: createRequestHandler({
            build,
            mode: process.env.NODE_ENV,
            getLoadContext: (request) => ({
              graphql: createInProcessGraphQL(state.yoga!, {
                cookie: request.headers.cookie,
                client: readRequestClient(request, security.originPolicy.trustProxy),
                requestId: String(request.headers["x-request-id"] ?? ""),
              }),
            }),
          }),
        };
      }
      await handlerFor.handle(req, res, next);
    } catch (error) {
      next(error);
    }
  });

  return app;
}

/** The path without its query, with calendar feed tokens (secrets) blanked. */
function loggablePath(path: string) {
  return path.startsWith("/calendar/") ? "/calendar/[redacted]" : path.slice(0, 200);
}
