import http from "node:http";
import type { AddressInfo } from "node:net";
import { createServerServices } from "../../../graphql/services";
import { createSprosYoga } from "../../../graphql/yoga";
import { createHttpApp } from "../../../server/http-app";
import { loadRemixBuild } from "../../../server/remix-build";
import type { DatabaseClients } from "../../../prisma/client";

/**
 * The pages as a browser gets them: the real Remix build (`npm run build` first) and Yoga in one
 * express app, as server.ts serves them, on an ephemeral port. `html(path, cookie)` GETs a page
 * (following redirects, as a browser does); `submit(path, fields, cookie)` posts a form.
 */
export async function startPageServer(database: Pick<DatabaseClients, "prisma" | "sql">) {
  const services = createServerServices(database);
  const state = { ready: true, yoga: createSprosYoga(services, { production: true, rateLimits: "off" }), remixBuild: await loadRemixBuild(process.cwd()) };
  const server = http.createServer(createHttpApp(state, process.cwd()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async html(path: string, cookie?: string) {
      const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
      return { status: response.status, text: await response.text() };
    },
    /** POSTs a form as a browser without JavaScript does; answers the redirect's target, if any. */
    async submit(path: string, fields: Record<string, string>, cookie?: string) {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base, ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(fields),
      });
      return { status: response.status, location: response.headers.get("location"), text: await response.text() };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}
