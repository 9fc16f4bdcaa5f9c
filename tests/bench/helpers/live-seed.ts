import { performance } from "node:perf_hooks";
import type pg from "pg";

export type LiveSeedOptions = { managers: number; staff: number; topics: number; seedVotePercent: number };

export type LiveWorld = {
  managerIds: string[];
  staffIds: string[];
  topicIds: string[];
  /** Staff × topic pairs without a vote, shuffled: the votes the runs will cast, in order. */
  unvoted: Int32Array;
};

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, "0")}`;

/**
 * A modest world for `npm run bench:live`, by bulk SQL: `managers` managers (the dashboard's
 * subscribers), `staff` staff (the voters), `topics` open topics and about `seedVotePercent` % of
 * the staff × topic pairs already voted, spread over the last 30 days so the headline and the
 * 7-day trend have something to count.
 */
export async function seedLiveWorld(pool: pg.Pool, options: LiveSeedOptions, log: (message: string) => void): Promise<LiveWorld> {
  const started = performance.now();
  const { managers, staff, topics, seedVotePercent } = options;
  await pool.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash")
     SELECT 'lm' || lpad(g::text, 6, '0'), 'live-manager-' || g || '@bench.spros', 'Руководитель ' || g, 'MANAGER'::"Role", 'not-a-password-hash'
     FROM generate_series(0, $1::int - 1) g
     UNION ALL
     SELECT 'ls' || lpad(g::text, 6, '0'), 'live-staff-' || g || '@bench.spros', 'Участник ' || g, 'STAFF'::"Role", 'not-a-password-hash'
     FROM generate_series(0, $2::int - 1) g`,
    [managers, staff],
  );
  await pool.query(
    `INSERT INTO "Topic" ("id", "title", "description", "block", "format", "status", "authorId", "createdAt", "updatedAt")
     SELECT 'lt' || lpad(g::text, 6, '0'), 'Тема для замера №' || g, 'Описание темы для замера №' || g,
            (CASE WHEN g % 2 = 0 THEN 'SERVICE_DELIVERY' ELSE 'SERVICE_CULTURE' END)::"TopicBlock",
            (CASE WHEN g % 3 = 0 THEN 'WEBINAR' ELSE 'TRAINING' END)::"TopicFormat",
            'OPEN', 'ls000000', now() - (g % 60) * interval '1 day', now()
     FROM generate_series(0, $1::int - 1) g`,
    [topics],
  );
  // Pair (s, t) is voted when a cheap hash of it falls under the percentage.
  const voted = (s: number, t: number) => (s * 7919 + t * 104_729) % 100 < seedVotePercent;
  await pool.query(
    `INSERT INTO "Vote" ("id", "userId", "topicId", "createdAt")
     SELECT gen_random_uuid()::text, 'ls' || lpad(s::text, 6, '0'), 'lt' || lpad(t::text, 6, '0'),
            now() - ((s * 31 + t * 17) % 43200) * interval '1 minute'
     FROM generate_series(0, $1::int - 1) s CROSS JOIN generate_series(0, $2::int - 1) t
     WHERE (s * 7919 + t * 104729) % 100 < $3::int`,
    [staff, topics, seedVotePercent],
  );
  await pool.query(
    `UPDATE "Topic" t SET "voteCount" = c.n
     FROM (SELECT "topicId", count(*)::int AS n FROM "Vote" GROUP BY "topicId") c WHERE c."topicId" = t."id"`,
  );
  await pool.query(`ANALYZE`);

  const free: number[] = [];
  for (let s = 0; s < staff; s++) for (let t = 0; t < topics; t++) if (!voted(s, t)) free.push(s * topics + t);
  const unvoted = Int32Array.from(free);
  for (let i = unvoted.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [unvoted[i], unvoted[j]] = [unvoted[j], unvoted[i]];
  }
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Vote"`);
  log(
    `world: ${managers} managers, ${staff} staff, ${topics} topics, ${rows[0].n} votes, ` +
      `${unvoted.length} pairs left to vote, in ${Math.round(performance.now() - started)} ms`,
  );
  return {
    managerIds: Array.from({ length: managers }, (_, i) => id("lm", i)),
    staffIds: Array.from({ length: staff }, (_, i) => id("ls", i)),
    topicIds: Array.from({ length: topics }, (_, i) => id("lt", i)),
    unvoted,
  };
}
