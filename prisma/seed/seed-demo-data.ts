import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "../generated/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, formatDemoAccounts } from "./demo-accounts";
import type { DemoAccount } from "./demo-accounts";
import { buildSeedPlan } from "./plan";
import type { SessionAnnouncement } from "./sessions";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, formatDemoAccounts };
export type { DemoAccount };

export type SeedDemoDataOptions = {
  /** Generated staff besides the five demo accounts. Default 400. */
  staffCount?: number;
  /** PRNG seed: the same seed (and `now`) gives the same rows and ids. Default 2026. */
  seed?: number;
  /** Reference instant for createdAt values and session dates. Default: the current time. */
  now?: Date;
  /** How long after approval only voters may book a seeded session (SPROS_VOTER_PRIORITY_HOURS). Default 48. */
  voterPriorityHours?: number;
};

export type SeedDemoDataResult = { seeded: boolean; accounts: DemoAccount[] };

// Any constant works; it only keeps two processes starting together from seeding twice.
const SEED_LOCK_KEY = 727_011_2026;
const CHUNK_ROWS = 1000;

/**
 * Fills an empty database with the demo world: 2 sites, 7 rooms, 130 offices, 14 trainers, the
 * course catalogue, staff with availability, site preferences and votes, the demo accounts, and
 * the approved sessions of the most wanted topics (held ones with attendance, upcoming ones with
 * bookings and a waitlist; see sessions.ts).
 * Does nothing when any user exists. Everything is written in one transaction, so a failed seed
 * leaves the database empty rather than half-filled.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: SeedDemoDataOptions = {},
): Promise<SeedDemoDataResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a }));
  if ((await prisma.user.count()) > 0) return { seeded: false, accounts };

  // One argon2 hash shared by every seeded user: hashing each of hundreds of users would take
  // minutes, and they all have the same demo password anyway.
  const passwordHash = await hash(DEMO_PASSWORD);
  const seedNow = options.now ?? new Date();
  const plan = buildSeedPlan({
    staffCount: options.staffCount ?? 400,
    seed: options.seed ?? 2026,
    now: seedNow,
    passwordHash,
    voterPriorityHours: options.voterPriorityHours,
  });

  const seeded = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if ((await tx.user.count()) > 0) return false;
      const leftovers = (await tx.site.count()) + (await tx.office.count()) + (await tx.topic.count());
      if (leftovers > 0) {
        throw new Error("seedDemoData: the database has no users but already holds sites, offices or topics; refusing to seed over them");
      }

      const inChunks = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += CHUNK_ROWS) await write(rows.slice(i, i + CHUNK_ROWS));
      };
      // Parents before children, so every foreign key already resolves.
      await tx.site.createMany({ data: plan.sites });
      await tx.room.createMany({ data: plan.rooms });
      await tx.office.createMany({ data: plan.offices });
      await inChunks(plan.users, (data) => tx.user.createMany({ data }));
      await tx.trainer.createMany({ data: plan.trainers });
      await tx.trainerSite.createMany({ data: plan.trainerSites });
      await tx.trainerAvailability.createMany({ data: plan.trainerAvailability });
      await tx.topic.createMany({ data: plan.topics });
      await tx.trainerTopic.createMany({ data: plan.trainerTopics });
      await inChunks(plan.userSitePreferences, (data) => tx.userSitePreference.createMany({ data }));
      await inChunks(plan.userAvailability, (data) => tx.userAvailability.createMany({ data }));
      await inChunks(plan.votes, (data) => tx.vote.createMany({ data }));
      await tx.trainingSession.createMany({ data: plan.trainingSessions });
      await inChunks(plan.bookings, (data) => tx.booking.createMany({ data }));
      for (const announcement of plan.announcements) await announceSession(tx, announcement, seedNow);
      await tx.moderationAction.createMany({ data: plan.moderationActions });
      return true;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return { seeded, accounts };
}

/**
 * The SESSION_SCHEDULED notifications approval leaves (approveProposedSessions): one per voter of
 * the topic, the approver aside. Ids and read marks come from a hash of session and person, so the
 * same seed still gives the same rows; one statement per session instead of a row each from here.
 */
async function announceSession(tx: Prisma.TransactionClient, announcement: SessionAnnouncement, now: Date) {
  const { sessionId, topicId, payload, createdAt, readShare } = announcement;
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "sessionId", "payload", "createdAt", "readAt")
    SELECT 'c' || substr(h.hash, 1, 24), v."userId", 'SESSION_SCHEDULED'::"NotificationKind", v."topicId", ${sessionId},
           ${JSON.stringify(payload)}::jsonb, ${createdAt},
           CASE WHEN get_byte(decode(h.hash, 'hex'), 12) < ${Math.round(readShare * 256)}
                THEN LEAST(${now}::timestamptz, ${createdAt}::timestamptz + (1 + get_byte(decode(h.hash, 'hex'), 13) % 48) * interval '1 hour')
           END
    FROM "Vote" v CROSS JOIN LATERAL (SELECT md5(${sessionId} || v."userId") AS hash) h
    WHERE v."topicId" = ${topicId} AND v."userId" <> ${payload.actorId}`;
}
