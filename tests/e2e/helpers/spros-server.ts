import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export type RunningServer = { baseUrl: string; output: () => string; stop: () => Promise<void> };

const READY_LINE = /Spros ready on http:\/\/localhost:(\d+)/;

/**
 * Starts `node --import tsx server.ts` (the production entry, on the build in build/) on a port
 * the OS picks, and resolves once it printed its ready line and /healthz answers 200.
 */
export async function startSprosServer(options: {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: options.cwd,
    // LOG_LEVEL: the logger is silent under NODE_ENV=test (inherited from vitest), and the ready line is a log line.
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);

  const fail = async (reason: string): Promise<never> => {
    await stopChild(child);
    throw new Error(`${reason}\n--- server output ---\n${output || "(none)"}\n--- end of server output ---`);
  };

  const deadline = Date.now() + options.timeoutMs;
  let port: string | undefined;
  while (!port) {
    if (child.exitCode !== null) return fail(`the server exited with code ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) return fail(`the server did not print its ready line within ${options.timeoutMs / 1000} s`);
    port = READY_LINE.exec(output)?.[1];
    if (!port) await delay(200);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  while ((await healthStatus(baseUrl)) !== 200) {
    if (child.exitCode !== null) return fail(`the server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) return fail(`GET /healthz did not answer 200 within ${options.timeoutMs / 1000} s`);
    await delay(200);
  }
  return { baseUrl, output: () => output, stop: () => stopChild(child) };
}

async function healthStatus(baseUrl: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/healthz`);
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
