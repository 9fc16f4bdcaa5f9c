import { expect } from "vitest";
import type { PrismaClient } from "../../prisma/client";
import type { ApiClient } from "./helpers/api-server";

/** Shared by the comments/notifications/moderation/authorisation test files. */
export const gid = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString("base64");

export async function assertCountsMatchRows(prisma: PrismaClient) {
  const topics = await prisma.topic.findMany({ select: { id: true, voteCount: true, _count: { select: { votes: true } } } });
  for (const topic of topics) expect(topic.voteCount, topic.id).toBe(topic._count.votes);
}

export { subscribe } from "./helpers/subscriptions";
