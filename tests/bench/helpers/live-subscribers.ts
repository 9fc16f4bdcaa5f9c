import { createHistogram, type RecordableHistogram } from "node:perf_hooks";
import { Worker } from "node:worker_threads";

/** Worker threads do not inherit tsx's loader: register it in the thread, then load the TypeScript entry. */
const WORKER_BOOTSTRAP = `
  import("tsx/esm/api")
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./live-subscriber-worker.ts", import.meta.url).href)}); })
    .catch((error) => { console.error(error); process.exit(1); });
`;

export type LiveMode = "pulse" | "perVote";

export type WorkerData = {
  url: string;
  cookies: string[];
  mode: LiveMode;
  topicGlobalIds: string[];
  /** Float64 send times, ringSize slots per topic, indexed by voteCount % ringSize. */
  ring: SharedArrayBuffer;
  ringSize: number;
  connectConcurrency: number;
};

export type SequenceStat = { sequence: number; first: number; last: number; count: number; latestChangeAt: number; asOf: number };

export type WorkerCommand =
  | { type: "connect" }
  | { type: "arm" }
  | { type: "await"; timeoutMs: number }
  | { type: "start" }
  | { type: "stop" }
  | { type: "close" };

export type WorkerStats = {
  type: "stats";
  latency: RecordableHistogram;
  oldest: RecordableHistogram;
  received: number;
  unmatched: number;
  closedInWindow: number;
  open: number;
  sequences: SequenceStat[];
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
};

export type WorkerReply =
  | { type: "connected"; connected: number; failed: number; firstError?: string; ms: number }
  | { type: "armed" }
  | { type: "ready"; got: number; open: number }
  | { type: "started" }
  | WorkerStats
  | { type: "closed" }
  | { type: "failed"; message: string };

export type WindowStats = {
  /** Milliseconds (ms resolution: both ends are Date.now()). */
  latency: RecordableHistogram;
  oldest: RecordableHistogram;
  received: number;
  unmatched: number;
  closedInWindow: number;
  open: number;
  /** Per pulse sequence, merged over the workers. */
  sequences: SequenceStat[];
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
};

/**
 * N subscribers spread over `workers` worker threads (live-subscriber-worker.ts), each thread
 * opening its share `connectConcurrency` at a time. Every command goes to all workers and resolves
 * with their replies.
 */
export class SubscriberPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<Worker, Array<(reply: WorkerReply) => void>>();

  constructor(options: Omit<WorkerData, "cookies"> & { cookies: string[]; workers: number }) {
    const { workers, cookies, ...shared } = options;
    const count = Math.max(1, Math.min(workers, cookies.length));
    for (let w = 0; w < count; w++) {
      const share = cookies.filter((_, i) => i % count === w);
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { ...shared, cookies: share } satisfies WorkerData });
      this.pending.set(worker, []);
      worker.on("message", (reply: WorkerReply) => this.pending.get(worker)!.shift()?.(reply));
      worker.on("error", (error) => {
        for (const resolve of this.pending.get(worker)!.splice(0)) resolve({ type: "failed", message: error.stack ?? error.message });
      });
      this.workers.push(worker);
    }
  }

  private async all(command: WorkerCommand): Promise<WorkerReply[]> {
    const replies = await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<WorkerReply>((resolve) => {
            this.pending.get(worker)!.push(resolve);
            worker.postMessage(command);
          }),
      ),
    );
    const failure = replies.find((reply) => reply.type === "failed");
    if (failure && failure.type === "failed") throw new Error(`subscriber worker failed: ${failure.message}`);
    return replies;
  }

  async connect() {
    const replies = (await this.all({ type: "connect" })) as Array<Extract<WorkerReply, { type: "connected" }>>;
    return {
      connected: replies.reduce((sum, r) => sum + r.connected, 0),
      failed: replies.reduce((sum, r) => sum + r.failed, 0),
      firstError: replies.find((r) => r.firstError)?.firstError,
      ms: Math.max(...replies.map((r) => r.ms)),
    };
  }

  /** Forget who has received something; `awaitAll` then waits until every open subscriber has. */
  async arm() {
    await this.all({ type: "arm" });
  }

  async awaitAll(timeoutMs: number) {
    const replies = (await this.all({ type: "await", timeoutMs })) as Array<Extract<WorkerReply, { type: "ready" }>>;
    return { got: replies.reduce((sum, r) => sum + r.got, 0), open: replies.reduce((sum, r) => sum + r.open, 0) };
  }

  async start() {
    await this.all({ type: "start" });
  }

  async stop(): Promise<WindowStats> {
    const replies = (await this.all({ type: "stop" })) as WorkerStats[];
    const latency = createHistogram({ lowest: 1, highest: 3_600_000, figures: 3 });
    const oldest = createHistogram({ lowest: 1, highest: 3_600_000, figures: 3 });
    const sequences = new Map<number, SequenceStat>();
    for (const reply of replies) {
      latency.add(reply.latency);
      oldest.add(reply.oldest);
      for (const stat of reply.sequences) {
        const known = sequences.get(stat.sequence);
        if (!known) sequences.set(stat.sequence, { ...stat });
        else {
          known.first = Math.min(known.first, stat.first);
          known.last = Math.max(known.last, stat.last);
          known.count += stat.count;
        }
      }
    }
    return {
      latency,
      oldest,
      received: replies.reduce((sum, r) => sum + r.received, 0),
      unmatched: replies.reduce((sum, r) => sum + r.unmatched, 0),
      closedInWindow: replies.reduce((sum, r) => sum + r.closedInWindow, 0),
      open: replies.reduce((sum, r) => sum + r.open, 0),
      sequences: [...sequences.values()].sort((a, b) => a.sequence - b.sequence),
      eventLoopP99Ms: Math.max(...replies.map((r) => r.eventLoopP99Ms)),
      eventLoopMaxMs: Math.max(...replies.map((r) => r.eventLoopMaxMs)),
    };
  }

  /** Closes every subscriber and ends the threads; safe to call twice. */
  async close() {
    if (this.workers.length === 0) return;
    await Promise.race([this.all({ type: "close" }).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }
}
