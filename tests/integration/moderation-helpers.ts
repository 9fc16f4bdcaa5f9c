import type { Client } from "graphql-ws";
import { expect } from "vitest";
import type { PrismaClient } from "../../prisma/client";
import type { ApiClient } from "./helpers/api-server";

/** Shared by the comments/notifications/moderation/authorisation test files. */
export const gid = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString("base64");

export async function assertCountsMatchRows(prisma: PrismaClient) {
  const topics = await prisma.topic.findMany({ select: { id: true, voteCount: true, _count: { select: { votes: true } } } });
  for (const topic of topics) expect(topic.voteCount, topic.id).toBe(topic._count.votes);
}

/** Subscribes over graphql-ws and collects events; `ready` resolves once the server acknowledged. */
export function subscribe(sockets: Client[], client: ApiClient, query: string, variables?: Record<string, unknown>) {
  const socket = client.subscriptions();
  sockets.push(socket);
  const events: any[] = [];
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((fn) => fn());
  socket.subscribe(
    { query, variables },
    {
      next: (value) => {
        events.push(value);
        wake();
      },
      error: (error) => {
        events.push({ error });
        wake();
      },
      complete: () => {},
    },
  );
  const connected = new Promise<void>((resolve) => socket.on("connected", () => resolve()));
  // Give the subscribe frame time to reach the server after the handshake.
  const ready = connected.then(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
  const next = (count: number, timeoutMs = 5000) =>
    new Promise<any[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${events.length} event(s) arrived: ${JSON.stringify(events)}`)), timeoutMs);
      const check = () => {
        if (events.length >= count) {
          clearTimeout(timer);
          resolve(events.slice(0, count));
        } else waiters.push(check);
      };
      check();
    });
  return { ready, next, events };
}
