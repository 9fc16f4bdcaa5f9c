import type { PrismaClient } from "../prisma/client";
import type { Role } from "../prisma/generated/enums";
import type { SprosPubSub } from "./pubsub";

export type Viewer = { id: string; name: string; role: Role; locale: string };

export type GraphQLContext = {
  prisma: PrismaClient;
  pubsub: SprosPubSub;
  viewer: Viewer | null;
  /** Set-Cookie values the HTTP response must carry (sign-in, sign-out). */
  responseCookies: string[];
};

export type ServerServices = { prisma: PrismaClient; pubsub: SprosPubSub };
