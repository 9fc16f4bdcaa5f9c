import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws/client";

const GRAPHQL_PATH = "/graphql";

/** Called after the WebSocket reconnects, when events may have been missed. */
const reconnectListeners = new Set<() => void>();
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

let browserClient: Client | null = null;
let wsClient: WsClient | null = null;

/**
 * The browser's urql client: queries and mutations over HTTP (same origin, so the session cookie
 * goes along), subscriptions over graphql-ws on the same path (the cookie goes with the WebSocket
 * handshake). On the server it returns a client without exchanges that is never used to fetch.
 */
export function getUrqlClient(): Client {
  if (typeof window === "undefined") return new Client({ url: GRAPHQL_PATH, exchanges: [] });
  if (browserClient) return browserClient;

  const wsUrl = new URL(GRAPHQL_PATH, window.location.href);
  wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";
  wsClient = createWsClient({
    url: wsUrl.href,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      // data-live on <html> tells styles (and the browser test) whether live updates are flowing.
      connected: (_socket, _payload, wasRetry) => {
        document.documentElement.dataset.live = "on";
        if (wasRetry) for (const listener of reconnectListeners) listener();
      },
      closed: () => {
        document.documentElement.dataset.live = "off";
      },
    },
  });
  const ws = wsClient;

  browserClient = new Client({
    url: GRAPHQL_PATH,
    requestPolicy: "network-only",
    fetchOptions: { credentials: "same-origin", headers: { "x-graphql-yoga-csrf": "spros" } },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return browserClient;
}
