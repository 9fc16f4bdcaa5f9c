import type { ApiClient, ApiServer, GqlResponse } from "../helpers/api-server";

/**
 * The first result of a subscription sent over HTTP (Yoga's server-sent events), then the stream is
 * dropped: the other transport a client could try, refused by the same rules as the WebSocket.
 */
export async function firstEventOverHttp(server: ApiServer, client: ApiClient, query: string, variables?: Record<string, unknown>): Promise<GqlResponse> {
  const controller = new AbortController();
  try {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      signal: controller.signal,
      headers: { "content-type": "application/json", accept: "text/event-stream", ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended without a result: ${buffer}`);
      buffer += value;
      const event = buffer.split("\n\n").find((block) => block.startsWith("event: next\n"));
      if (event) return JSON.parse(event.slice(event.indexOf("data: ") + "data: ".length));
    }
  } finally {
    controller.abort();
  }
}
