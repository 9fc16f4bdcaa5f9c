import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "api-server-entry.ts");

/**
 * Starts the API server under test (api-server-entry.ts) in its own process in production mode,
 * so a benchmark's load generator does not share its event loop, and resolves with its GraphQL URL
 * once it printed `READY <port>`. BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
 * is passed to node. `onSpawn` gets the child at once, so a clean-up path can stop it even if the
 * start fails.
 */
export function startApiServerProcess(options: {
  databaseUrl: string;
  poolSize: number;
  onSpawn: (child: ChildProcess) => void;
}): Promise<string> {
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extraArgs, "--import", "tsx", entry], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: options.databaseUrl, DATABASE_POOL_SIZE: String(options.poolSize) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  options.onSpawn(child);
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match) resolve(`http://127.0.0.1:${match[1]}/graphql`);
      else process.stderr.write(`[server] ${line}\n`);
    });
    child.once("exit", (code) => reject(new Error(`API server exited with ${code} before it was ready`)));
  });
}

/** SIGTERM, then SIGKILL if the process has not exited after 3 s. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}
