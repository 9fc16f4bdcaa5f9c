import type { DatabaseClients } from "../prisma/client";
import { DEFAULT_BOOKING_POLICY, type BookingPolicy, type ServerServices } from "./context";
import { createSprosPubSub } from "./pubsub";
import { createViewerLoader, type ViewerCacheOptions } from "./viewer";

export type ServerServiceOptions = { viewerCache?: ViewerCacheOptions; policy?: Partial<BookingPolicy> };

/** What one server process shares across requests and connections. */
export function createServerServices(
  { prisma, sql }: Pick<DatabaseClients, "prisma" | "sql">,
  options: ServerServiceOptions = {},
): ServerServices {
  return {
    prisma,
    sql,
    pubsub: createSprosPubSub(),
    viewers: createViewerLoader(prisma, options.viewerCache),
    policy: { ...DEFAULT_BOOKING_POLICY, ...options.policy },
  };
}
