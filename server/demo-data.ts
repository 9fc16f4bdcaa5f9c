import type { PrismaClient } from "../prisma/client";
import { formatDemoAccounts, seedDemoData } from "../prisma/seed/seed-demo-data";
import type { ServerConfig } from "./config";
import type { Logger } from "./logger";

/** Fills an empty database with the demo Training Centre and prints the demo sign-ins. */
export async function seedIfEmpty(prisma: PrismaClient, config: ServerConfig, log: Logger) {
  const started = performance.now();
  const result = await seedDemoData(prisma, {
    staffCount: config.SPROS_SEED_STAFF,
    voterPriorityHours: config.SPROS_VOTER_PRIORITY_HOURS,
  });
  if (result.seeded) log.info(`demo data seeded in ${Math.round(performance.now() - started)} ms`);
  log.info(`demo accounts:\n${formatDemoAccounts(result.accounts)}`);
}
