import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

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
  /** redis://… — subscription events (and cache invalidations) travel between instances; unset: in-process only. */
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every Redis channel and key: distinct per deployment sharing one Redis. */
  SPROS_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]+$/, "letters, digits and : . _ - only").default("spros:"),
  /** Bearer token for /metrics from other hosts (loopback scrapes need none). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** GraphQL introspection in production (always on outside production). */
  SPROS_INTROSPECTION: booleanFlag.default(false),
  /** Comma-separated extra origins (scheme://host[:port]) allowed to send cookie-authenticated requests. */
  SPROS_TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
  /** Behind a load balancer: trust X-Forwarded-For for the client IP (rate limits, logs). */
  SPROS_TRUST_PROXY: booleanFlag.default(false),
  /** `off` disables the per-user/per-IP rate limits (load tests only). */
  SPROS_RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /** Mark the session cookie Secure (set when served over HTTPS). */
  COOKIE_SECURE: booleanFlag.default(false),
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
