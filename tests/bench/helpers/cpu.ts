import { readFileSync } from "node:fs";
import type pg from "pg";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used so far, in ms; null if it is gone or not Linux. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export type CpuSnapshot = { server: number; database: number; generator: number; backends: Map<number, number> };
export type CpuUsage = { server: number; database: number; generator: number };

/**
 * CPU used by the API server process, by the PostgreSQL backends serving the benchmark database
 * (found through pg_stat_activity; readable because PostgreSQL runs on this machine) and by this
 * load-generator process, between two snapshots.
 */
export class CpuMeter {
  constructor(
    private readonly serverPid: number | undefined,
    private readonly pool: pg.Pool,
    private readonly database: string,
  ) {}

  async snapshot(): Promise<CpuSnapshot> {
    const { rows } = await this.pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [this.database],
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) backends.set(pid, ms);
    }
    const usage = process.cpuUsage();
    return {
      server: (this.serverPid && processCpuMs(this.serverPid)) || 0,
      database: [...backends.values()].reduce((sum, ms) => sum + ms, 0),
      generator: (usage.user + usage.system) / 1000,
      backends,
    };
  }

  static between(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
    let database = 0;
    for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0);
    return { server: after.server - before.server, database, generator: after.generator - before.generator };
  }
}
