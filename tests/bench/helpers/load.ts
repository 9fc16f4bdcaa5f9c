import http from "node:http";
import { createHistogram, performance, type RecordableHistogram } from "node:perf_hooks";

export type LoadResult = {
  concurrency: number;
  /** Operations that started after the warm-up and finished inside the measured window. */
  ops: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  /** Latency in microseconds. */
  histogram: RecordableHistogram;
};

export type LoadOptions = {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** One operation of virtual client `client`; throws on failure. */
  operation: (client: number) => Promise<void>;
  /** Called when the measured window opens and closes (e.g. to read CPU counters). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
};

/**
 * Closed loop: `concurrency` virtual clients each issue the next operation as soon as the previous
 * one answered. Operations of the warm-up are not recorded; latencies go to an HDR histogram (µs).
 */
export async function runClosedLoop(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, warmupMs, durationMs, operation } = options;
  const histogram = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const measureTo = measureFrom + durationMs;
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;

  async function client(index: number) {
    while (performance.now() < measureTo) {
      const began = performance.now();
      try {
        await operation(index);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      const ended = performance.now();
      if (began >= measureFrom && ended <= measureTo) {
        ops++;
        histogram.record(Math.max(1, Math.round((ended - began) * 1000)));
      }
    }
  }

  if (options.onWindowStart) setTimeout(options.onWindowStart, warmupMs);
  if (options.onWindowEnd) setTimeout(options.onWindowEnd, warmupMs + durationMs);
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  const seconds = durationMs / 1000;
  return { concurrency, ops, errors, firstError, seconds, perSecond: ops / seconds, histogram };
}

export const ms = (histogram: RecordableHistogram, percentile: number) => histogram.percentile(percentile) / 1000;

/** A minimal GraphQL-over-HTTP client on node:http with keep-alive sockets (cheaper than fetch). */
export class GraphQLHttpClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(graphqlUrl: string, maxSockets: number) {
    this.target = new URL(graphqlUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request<T = any>(query: string, variables: Record<string, unknown>, cookie?: string): Promise<{ data?: T; errors?: unknown[] }> {
    return this.send<T>(JSON.stringify({ query, variables }), cookie, true);
  }

  private send<T>(body: string, cookie: string | undefined, mayRetry: boolean): Promise<{ data?: T; errors?: unknown[] }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/graphql-response+json, application/json",
            "content-length": Buffer.byteLength(body),
            ...(cookie ? { cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            try {
              resolve(JSON.parse(text));
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // The server closed an idle keep-alive socket just as it was reused: the request never
        // reached it, so sending it again on a fresh socket is safe (Node's documented pattern).
        if (mayRetry && req.reusedSocket && error.code === "ECONNRESET") resolve(this.send<T>(body, cookie, false));
        else reject(error);
      });
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}
