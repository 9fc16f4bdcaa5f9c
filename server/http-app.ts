import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { calendarFeedHandler } from "./calendar-feed";
import { createInProcessGraphQL, type InProcessGraphQL } from "../graphql/in-process";
import type { SprosYoga } from "../graphql/yoga";

declare module "@remix-run/node" {
  interface AppLoadContext {
    graphql: InProcessGraphQL;
  }
}

export type AppState = { ready: boolean; yoga?: SprosYoga; remixBuild?: () => Promise<ServerBuild> };

/**
 * One express app: /healthz, /graphql (Yoga over HTTP), static assets and the Remix pages.
 * It answers from the first moment; until the database is migrated it serves 503s with a short
 * notice, and /healthz turns 200 only once everything is ready.
 */
export function createHttpApp(state: AppState, root: string) {
  const app = express();
  app.disable("x-powered-by");

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
            getLoadContext: (request) => ({ graphql: createInProcessGraphQL(state.yoga!, request.headers.cookie) }),
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
