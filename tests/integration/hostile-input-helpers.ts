import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export type RawResponse = { status: number; headers: Headers; body: any; text: string };

/** One HTTP request with exactly the given headers and body (no cookie jar, no defaults but none). */
export async function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  const response = await fetch(url, { method: init.method ?? "POST", headers: init.headers, body: init.body });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** POST a GraphQL operation as JSON with extra headers. */
export function postGraphQL(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  return raw(url, { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
}

/** The error codes of a GraphQL response body. */
export const codes = (body: any): unknown[] => (body?.errors ?? []).map((error: any) => error?.extensions?.code);

/** A graphql-ws client with exactly these handshake headers. */
export function wsClient(graphqlUrl: string, headers: Record<string, string>): Client {
  return createClient({
    url: graphqlUrl.replace(/^http/, "ws"),
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
}

/** Runs one operation over graphql-ws and resolves with its first result or its errors. */
export function wsOnce(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<{ data?: any; errors?: any[] }>((resolve) => {
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          dispose();
          resolve(value as { data?: any; errors?: any[] });
        },
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error), extensions: { code: "CLOSED", close: (error as CloseEvent)?.code } }] }),
        complete: () => {},
      },
    );
  });
}

/** The outcome of a bare WebSocket handshake: the HTTP status it was refused with, or "open". */
export function handshake(graphqlUrl: string, headers: Record<string, string>) {
  return new Promise<number | "open">((resolve, reject) => {
    const socket = new WebSocket(graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
    socket.once("open", () => {
      socket.close();
      resolve("open");
    });
    socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.once("error", (error) => reject(error));
  });
}

/**
 * A raw graphql-transport-ws socket: send frames as they are, read what comes back, and learn the
 * close code. `messages` collects every frame the server sent.
 */
export async function rawSocket(graphqlUrl: string, headers: Record<string, string>) {
  const socket = new WebSocket(graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
  const messages: any[] = [];
  const waiters: Array<() => void> = [];
  socket.on("message", (data) => {
    try {
      messages.push(JSON.parse(String(data)));
    } catch {
      messages.push(String(data));
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const message = (predicate: (message: any) => boolean, timeoutMs = 5000) =>
    new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such message: ${JSON.stringify(messages)}`)), timeoutMs);
      const check = () => {
        const found = messages.find(predicate);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return { socket, messages, closed, message, send: (frame: unknown) => socket.send(typeof frame === "string" || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame)) };
}
