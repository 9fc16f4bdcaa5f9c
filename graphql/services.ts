import type { DatabaseClients } from "../prisma/client";
import type { ServerServices } from "./context";
import { createSprosPubSub } from "./pubsub";
import { createViewerLoader, type ViewerCacheOptions } from "./viewer";

/** What one server process shares across requests and connections. */
export function createServerServices(
  { prisma, sql }: Pick<DatabaseClients, "prisma" | "sql">,
  options: { viewerCache?: ViewerCacheOptions } = {},
): ServerServices {
  return { prisma, sql, pubsub: createSprosPubSub(), viewers: createViewerLoader(prisma, options.viewerCache) };
}
