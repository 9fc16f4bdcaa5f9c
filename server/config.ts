import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  SPROS_DATA_DIR: z.string().default("data"),
  SPROS_SEED: z.enum(["demo", "off"]).default("demo"),
  SPROS_SEED_STAFF: z.coerce.number().int().min(0).max(20000).default(400),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long after approval only the topic's voters may book a session. */
  SPROS_VOTER_PRIORITY_HOURS: z.coerce.number().min(0).max(24 * 30).default(48),
  /** Bookings can be cancelled until this many hours before the session starts. */
  SPROS_CANCEL_CUTOFF_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
});

export type ServerConfig = z.infer<typeof EnvSchema> & { dataDir: string };

/** Reads configuration once, at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.SPROS_DATA_DIR) };
}
