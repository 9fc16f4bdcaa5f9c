import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ApiEndpoint } from "./api-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** One signing secret for every instance: a cookie issued by one must be accepted by the others. */
const SHARED_SESSION_SECRET = "multi-instance-test-secret-0123456789abcdef";

export type AppInstance = ApiEndpoint & {
  name: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the process has exited (whatever ended it). */
  exited: Promise<void>;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  kill(): Promise<void>;
};

/**
 * Starts the real server.ts in its own process, in production mode, on an ephemeral port, against
 * an already migrated database (no demo data), sharing `redisUrl` under `redisPrefix` with its
 * siblings. Resolves once it logged its ready line and /healthz answers 200. `close` is SIGTERM
 * (the graceful shutdown), then SIGKILL after 5 s.
 */
export async function startAppInstance(options: { name: string; databaseUrl: string; redisUrl?: string; redisPrefix?: string }): Promise<AppInstance> {
  const { REDIS_URL: _inherited, ...inheritedEnv } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...inheritedEnv,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: "4",
      SPROS_SEED: "off",
      SESSION_SECRET: SHARED_SESSION_SECRET,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...(options.redisPrefix ? { SPROS_REDIS_PREFIX: options.redisPrefix } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const output: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));

  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      output.push(line);
      const match = /Spros ready on http:\/\/localhost:(\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`${options.name} exited before it was ready:\n${output.join("\n")}`)));
  }).catch(async (error: Error) => {
    child.kill("SIGKILL");
    throw error;
  });

  const url = `http://127.0.0.1:${port}`;
  const health = await fetch(`${url}/healthz`);
  if (health.status !== 200) throw new Error(`${options.name}: /healthz answered ${health.status}`);

  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    name: options.name,
    port,
    url,
    graphqlUrl: `${url}/graphql`,
    process: child,
    exited,
    close: () => stop("SIGTERM"),
    kill: () => stop("SIGKILL"),
  };
}

/** The instance's Prometheus text (loopback scrapes need no token). */
export async function readMetrics(instance: Pick<AppInstance, "url">): Promise<string> {
  const response = await fetch(`${instance.url}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}
