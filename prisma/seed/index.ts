import { PrismaPg } from "@prisma/adapter-pg";
import { parseArgs } from "node:util";
import { PrismaClient } from "../generated/client";
import { formatDemoAccounts, seedDemoData } from "./seed-demo-data";

// `npm run db:seed [-- --staff 400 --seed 2026]`: fills the database at DATABASE_URL with demo
// data unless it already has users. Migrations must have been applied first (npm run db:migrate).

const { values } = parseArgs({
  options: { staff: { type: "string" }, seed: { type: "string" } },
});

function intOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name}: expected a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const staffCount = intOption("staff", values.staff);
const seed = intOption("seed", values.seed);
const connectionString = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/spros";
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });

try {
  const started = performance.now();
  const result = await seedDemoData(prisma, { staffCount, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    result.seeded
      ? `Демо-данные загружены за ${seconds} с / Demo data seeded in ${seconds} s`
      : "База уже содержит пользователей, заполнение пропущено / Database already has users, seeding skipped",
  );
  console.log(formatDemoAccounts(result.accounts));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
