import type { Client } from "graphql-ws";
import type { ApiClient } from "./api-server";

/**
 * Subscribes over graphql-ws as `client` and collects the events. The socket joins `sockets` (the
 * file disposes them after its tests); `ready` resolves once the server acknowledged the connection
 * and the subscribe frame had time to arrive; `next(n)` waits for the first n events.
 */
/** Collects a graphql-ws subscription's events; `next(n)` waits (up to timeoutMs) for the first n. */
export function collectEvents() {
  const events: any[] = [];
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((fn) => fn());
  const sink = {
    next: (value: unknown) => {
      events.push(value);
      wake();
    },
    error: (error: unknown) => {
      events.push({ error });
      wake();
    },
    complete: () => {},
  };
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
  return { events, sink, next };
}

export function subscribe(sockets: Client[], client: ApiClient, query: string, variables?: Record<string, unknown>) {
  const socket = client.subscriptions();
  sockets.push(socket);
  const { events, sink, next } = collectEvents();
  socket.subscribe({ query, variables }, sink);
  const connected = new Promise<void>((resolve) => socket.on("connected", () => resolve()));
  const ready = connected.then(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
  return { socket, ready, next, events };
}
