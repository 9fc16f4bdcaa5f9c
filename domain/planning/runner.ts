import { randomUUID } from "node:crypto";
import type { SprosPubSub } from "../../graphql/pubsub";
import type { PrismaClient } from "../../prisma/client";
import { runSolveInWorker } from "../../scheduler/run-in-worker";
import type { Progress, Proposal } from "../../scheduler/types";
import { proposedSessionRows } from "./proposal-rows";

/**
 * The planning runner: the PlanningRun row is the durable job (docs/decisions/008). A runner claims
 * QUEUED runs one at a time with a single SKIP LOCKED statement, solves in a worker thread, keeps
 * `heartbeatAt` fresh, and recovers runs whose process died (stale heartbeat). Every write is
 * guarded by the claim's lease token (`lockedBy`), so a run taken away from a stalled process is
 * never written by it again.
 */

export type PlanningRunnerOptions = {
  prisma: PrismaClient;
  pubsub: SprosPubSub;
  /** Names this process in `lockedBy`. */
  instanceId?: string;
  /** How often to look for queued runs (besides the kick on `planningRun:queued`). */
  pollMs?: number;
  /** How often a running run's heartbeat is refreshed (and its cancel flag read). */
  heartbeatMs?: number;
  /** A RUNNING run whose heartbeat is older than this is considered orphaned. */
  staleMs?: number;
  /** Progress is persisted at most once per this many ms. */
  progressMs?: number;
  /** Attempts before an interrupted run is failed instead of re-queued. */
  maxAttempts?: number;
  log?: (message: string) => void;
  /** Told how each run this process finished ended and how long it took (metrics, ADR 012). */
  onRunFinished?: (outcome: PlanningRunOutcome, seconds: number) => void;
};

export type PlanningRunOutcome = "succeeded" | "failed" | "cancelled";

export type PlanningRunner = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Look for queued work now. */
  kick(): void;
  /** Re-queue or fail orphaned runs now; returns their ids. */
  recover(): Promise<string[]>;
};

export const INTERRUPTED = "interrupted";

type AbortReason = "cancel" | "shutdown" | "lost";

export function createPlanningRunner(options: PlanningRunnerOptions): PlanningRunner {
  const { prisma, pubsub } = options;
  const instanceId = options.instanceId ?? `runner-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const staleMs = options.staleMs ?? 30_000;
  const progressMs = options.progressMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 2;
  const log = options.log ?? (() => {});

  let stopped = true;
  let busy = false;
  let current: { controller: AbortController; done: Promise<void> } | null = null;
  const timers: NodeJS.Timeout[] = [];
  const subscriptions: Array<{ return?: () => unknown }> = [];

  const changed = (runId: string) => pubsub.publish("planningRun:changed", runId, { runId });

  async function claim(): Promise<{ id: string; lease: string } | null> {
    const lease = `${instanceId}/${randomUUID().slice(0, 8)}`;
    const rows = await prisma.$queryRaw<Array<{ id: string }>>`
      UPDATE "PlanningRun"
         SET "status" = 'RUNNING', "lockedBy" = ${lease}, "heartbeatAt" = now(),
             "startedAt" = coalesce("startedAt", now()), "attempts" = "attempts" + 1
       WHERE "id" = (SELECT "id" FROM "PlanningRun" WHERE "status" = 'QUEUED'
                      ORDER BY "createdAt", "id" FOR UPDATE SKIP LOCKED LIMIT 1)
         AND "status" = 'QUEUED'
      RETURNING "id"`;
    return rows[0] ? { id: rows[0].id, lease } : null;
  }

  async function recover(): Promise<string[]> {
    const rows = await prisma.$queryRaw<Array<{ id: string; status: string }>>`
      UPDATE "PlanningRun"
         SET "status" = (CASE WHEN "cancelRequested" THEN 'CANCELLED'
                              WHEN "attempts" < ${maxAttempts} THEN 'QUEUED'
                              ELSE 'FAILED' END)::"PlanningRunStatus",
             "error" = (CASE WHEN NOT "cancelRequested" AND "attempts" >= ${maxAttempts} THEN ${INTERRUPTED} ELSE "error" END),
             "finishedAt" = (CASE WHEN "cancelRequested" OR "attempts" >= ${maxAttempts} THEN now() ELSE NULL END),
             "lockedBy" = NULL,
             -- a re-queued run shows no progress of the dead attempt
             "progress" = (CASE WHEN NOT "cancelRequested" AND "attempts" < ${maxAttempts} THEN NULL ELSE "progress" END)
       WHERE "status" = 'RUNNING'
         AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${staleMs / 1000}::float8))
      RETURNING "id", "status"::text AS "status"`;
    for (const row of rows) {
      log(`planning run ${row.id} was orphaned: now ${row.status}`);
      changed(row.id);
    }
    if (rows.some((row) => row.status === "QUEUED")) kick();
    return rows.map((row) => row.id);
  }

  function kick() {
    if (stopped || busy) return;
    busy = true;
    void (async () => {
      try {
        while (!stopped) {
          const job = await claim();
          if (!job) break;
          if (stopped) {
            // Claimed while shutting down: hand it back untouched.
            await prisma.planningRun.updateMany({ where: { id: job.id, lockedBy: job.lease }, data: { status: "QUEUED", lockedBy: null, attempts: { decrement: 1 } } });
            break;
          }
          changed(job.id);
          const controller = new AbortController();
          const done = execute(job.id, job.lease, controller);
          current = { controller, done };
          await done;
          current = null;
        }
      } catch (error) {
        log(`planning runner: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    })();
  }

  async function execute(runId: string, lease: string, controller: AbortController): Promise<void> {
    const mine = { id: runId, lockedBy: lease, status: "RUNNING" as const };
    const started = performance.now();
    const report = (outcome: PlanningRunOutcome | null) => {
      if (outcome) options.onRunFinished?.(outcome, (performance.now() - started) / 1000);
    };
    const abort = (reason: AbortReason) => controller.signal.aborted || controller.abort(reason);
    const readFlag = async () => {
      const row = await prisma.planningRun.findUnique({ where: { id: runId }, select: { cancelRequested: true, lockedBy: true, status: true } });
      if (!row || row.lockedBy !== lease || row.status !== "RUNNING") abort("lost");
      else if (row.cancelRequested) abort("cancel");
    };

    // Heartbeat: refreshes the lease and reads the cancel flag (works across processes).
    const heartbeat = setInterval(() => {
      void prisma.$queryRaw<Array<{ cancelRequested: boolean }>>`
        UPDATE "PlanningRun" SET "heartbeatAt" = now()
         WHERE "id" = ${runId} AND "lockedBy" = ${lease} AND "status" = 'RUNNING'
        RETURNING "cancelRequested"`.then(
        (rows) => (rows.length === 0 ? abort("lost") : rows[0].cancelRequested && abort("cancel")),
        (error: Error) => log(`planning run ${runId} heartbeat: ${error.message}`),
      );
    }, heartbeatMs);
    heartbeat.unref();
    // A cancel from any instance arrives at once through the run's change events (over Redis when shared).
    const events = pubsub.subscribe("planningRun:changed", runId);
    void (async () => {
      for await (const _event of events) if (!controller.signal.aborted) await readFlag().catch(() => {});
    })();

    // Progress: persisted at most once per progressMs, the latest report wins.
    let pending: Progress | null = null;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    let flushTimer: NodeJS.Timeout | null = null;
    const flush = () => {
      flushTimer = null;
      const progress = pending;
      if (!progress || controller.signal.aborted) return;
      pending = null;
      lastWrite = Date.now();
      writing = writing
        .then(() => prisma.planningRun.updateMany({ where: mine, data: { progress: toJson(progress), heartbeatAt: new Date() } }))
        .then((result) => {
          if (result.count === 1) changed(runId);
          else abort("lost");
        })
        .catch((error: Error) => log(`planning run ${runId} progress: ${error.message}`));
    };
    const onProgress = (progress: Progress) => {
      pending = progress;
      if (flushTimer) return;
      flushTimer = setTimeout(flush, Math.max(0, lastWrite + progressMs - Date.now()));
    };

    try {
      const run = await prisma.planningRun.findUniqueOrThrow({ where: { id: runId }, select: { instance: true, seed: true, timeLimitSeconds: true, cancelRequested: true } });
      if (run.cancelRequested) abort("cancel");
      let proposal: Proposal | null = null;
      let failure: string | null = null;
      if (!controller.signal.aborted) {
        try {
          // A cancelled or abandoned run does not wait for the solver: its thread is stopped at once.
          proposal = await runSolveInWorker(run.instance, {
            timeLimitMs: run.timeLimitSeconds * 1000,
            seed: run.seed,
            onProgress,
            signal: controller.signal,
            discardOnAbort: true,
          });
        } catch (error) {
          if (!controller.signal.aborted) failure = (error as Error).message || String(error);
        }
      }
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      await writing;
      const reason = controller.signal.reason as AbortReason | undefined;
      if (reason === "shutdown" || reason === "lost") return; // left for recovery, or no longer ours
      if (reason === "cancel") return report(await finish(runId, mine, { status: "CANCELLED" }));
      if (failure !== null || !proposal) return report(await finish(runId, mine, { status: "FAILED", error: failure ?? "no proposal" }));
      report(await succeed(runId, mine, proposal));
    } catch (error) {
      log(`planning run ${runId}: ${(error as Error).message}`);
      report(await finish(runId, mine, { status: "FAILED", error: (error as Error).message }).catch(() => null));
    } finally {
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      await events.return?.();
    }
  }

  type Mine = { id: string; lockedBy: string; status: "RUNNING" };

  /** Returns the outcome when this process wrote it, null when the run was no longer ours. */
  async function finish(runId: string, mine: Mine, data: { status: "CANCELLED" | "FAILED"; error?: string }): Promise<PlanningRunOutcome | null> {
    const result = await prisma.planningRun.updateMany({ where: mine, data: { ...data, finishedAt: new Date() } });
    if (result.count !== 1) return null;
    changed(runId);
    return data.status === "CANCELLED" ? "cancelled" : "failed";
  }

  async function succeed(runId: string, mine: Mine, proposal: Proposal): Promise<PlanningRunOutcome | null> {
    const sites = await prisma.site.findMany({ select: { id: true, code: true } });
    const rows = proposedSessionRows(runId, proposal, new Map(sites.map((site) => [site.code, site.id])));
    const final: Progress = { phase: "done", fraction: 1, servedWeight: proposal.metrics.servedWeight, upperBound: proposal.metrics.upperBound, elapsedMs: proposal.metrics.elapsedMs };
    const outcome = await prisma.$transaction(async (tx) => {
      // A cancel that arrived while the proposal was being stored still wins.
      const done = await tx.planningRun.updateMany({
        where: { ...mine, cancelRequested: false },
        data: { status: "SUCCEEDED", proposal: toJson(proposal), progress: toJson(final), finishedAt: new Date(), heartbeatAt: new Date() },
      });
      if (done.count !== 1) return "notOurs" as const;
      await tx.proposedSession.createMany({ data: rows });
      return "stored" as const;
    });
    if (outcome !== "stored") return await finish(runId, mine, { status: "CANCELLED" });
    changed(runId);
    return "succeeded";
  }

  return {
    kick,
    recover,
    async start() {
      if (!stopped) return;
      stopped = false;
      await recover().catch((error: Error) => log(`planning runner recovery: ${error.message}`));
      const queued = pubsub.subscribe("planningRun:queued");
      subscriptions.push(queued);
      void (async () => {
        for await (const _event of queued) kick();
      })();
      const poll = setInterval(kick, pollMs);
      const sweep = setInterval(() => void recover().catch((error: Error) => log(`planning runner recovery: ${error.message}`)), Math.max(staleMs / 2, 250));
      poll.unref();
      sweep.unref();
      timers.push(poll, sweep);
      kick();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      for (const subscription of subscriptions.splice(0)) await subscription.return?.();
      const running = current;
      if (running) {
        running.controller.abort("shutdown" satisfies AbortReason);
        await running.done.catch(() => {});
      }
    },
  };
}

/** Prisma's Json input: plain data only. */
function toJson<T>(value: T): object {
  return JSON.parse(JSON.stringify(value)) as object;
}
