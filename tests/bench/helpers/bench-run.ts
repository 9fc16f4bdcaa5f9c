import type { ChildProcess } from "node:child_process";
import type pg from "pg";
import { applyMigrations, createDatabase, dropDatabase } from "../../../prisma/migrate";
import { stopProcess } from "./api-server-process";

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * A benchmark's scratch database and everything it must undo on every exit path (the end, an
 * error, Ctrl-C), in this order: the servers' clients, the server processes, the benchmark's own
 * database connections, the database itself.
 */
export class BenchRun {
  private readonly clients: Array<() => unknown> = [];
  private readonly processes: ChildProcess[] = [];
  private readonly connections: Array<() => unknown> = [];
  private databaseCreated = false;
  private cleaning: Promise<void> | undefined;

  constructor(readonly databaseUrl: string) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        log(`${signal}: cleaning up`);
        void this.cleanUp().finally(() => process.exit(130));
      });
    }
  }

  /** Creates and migrates the scratch database (dropped by cleanUp). */
  async createDatabase(): Promise<void> {
    await createDatabase(this.databaseUrl);
    this.databaseCreated = true;
    await applyMigrations(this.databaseUrl);
  }

  /** A server process to stop (before the database connections close). */
  serverProcess(child: ChildProcess): void {
    this.processes.push(child);
  }

  /** Something talking to the servers (subscribers, load drivers), closed before they stop. */
  onCleanUp(close: () => unknown): void {
    this.clients.push(close);
  }

  /** A database connection of the benchmark itself, closed after the servers stopped. */
  onCleanUpAfterServers(close: () => unknown): void {
    this.connections.push(close);
  }

  /** A pool whose idle clients may lose their backend (the database is dropped) without crashing the run. */
  pool(pool: pg.Pool): pg.Pool {
    pool.on("error", (error) => log(`idle PostgreSQL connection lost: ${error.message}`));
    this.onCleanUpAfterServers(() => pool.end());
    return pool;
  }

  cleanUp(): Promise<void> {
    this.cleaning ??= (async () => {
      await Promise.allSettled(this.clients.map(async (close) => close()));
      await Promise.all(this.processes.map((child) => stopProcess(child)));
      await Promise.allSettled(this.connections.map(async (close) => close()));
      if (this.databaseCreated) {
        await dropDatabase(this.databaseUrl).catch((error) => log(`could not drop ${this.databaseUrl}: ${error}`));
        log("dropped the benchmark database");
      }
    })();
    return this.cleaning;
  }

  /** Runs the benchmark, then cleans up; a failure sets the exit code (after Ctrl-C its echoes are expected and not printed). */
  async run(main: () => Promise<void>): Promise<void> {
    try {
      await main();
    } catch (error) {
      if (!this.cleaning) console.error(error);
      process.exitCode = 1;
    } finally {
      await this.cleanUp();
    }
  }
}
