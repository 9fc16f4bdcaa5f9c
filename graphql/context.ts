import type { Redis } from "ioredis";
import type pg from "pg";
import type { PrismaClient } from "../prisma/client";
import type { Role } from "../prisma/generated/enums";
import type { SprosPubSub } from "./pubsub";
import type { RequestClient } from "./request-client";
import type { ViewerLoader } from "./viewer";

export type Viewer = { id: string; name: string; role: Role; locale: string };

export type GraphQLContext = {
  /** Address and user agent of the caller (rate limits, the list of signed-in devices). */
  client: RequestClient;
  prisma: PrismaClient;
  /** The pool under `prisma`, for hot-path statements (graphql/vote-store.ts). */
  sql: pg.Pool;
  pubsub: SprosPubSub;
  viewers: ViewerLoader;
  policy: BookingPolicy;
  viewer: Viewer | null;
  /** Set-Cookie values the HTTP response must carry (sign-in, sign-out). */
  responseCookies: string[];
};

/** Booking rules an operator can tune (server/config.ts). */
export type BookingPolicy = { voterPriorityHours: number; cancelCutoffHours: number };

export const DEFAULT_BOOKING_POLICY: BookingPolicy = { voterPriorityHours: 48, cancelCutoffHours: 24 };

export type ServerServices = {
  prisma: PrismaClient;
  sql: pg.Pool;
  pubsub: SprosPubSub;
  viewers: ViewerLoader;
  policy: BookingPolicy;
  /** A general-purpose connection to the shared Redis (REDIS_URL), e.g. for rate-limit stores; null without it. */
  redis: Redis | null;
  /** Every key and channel of this deployment on that Redis starts with this (default "spros:"). */
  redisKeyPrefix: string;
  /** Closes what the services opened beyond the database (Redis connections). */
  close(): Promise<void>;
};
