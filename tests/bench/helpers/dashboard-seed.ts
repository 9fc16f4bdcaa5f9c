import { performance } from "node:perf_hooks";
import type pg from "pg";

export type DashboardSeedOptions = { users: number; offices: number; topics: number; votes: number };

export type DashboardSeed = { managerId: string; officeIds: string[]; siteIds: string[]; topTopicId: string; counts: Record<string, number> };

/**
 * The issue's volume by bulk SQL (generate_series, no per-row round trips): offices, two sites,
 * staff with weekly availability (2–4 windows) and site preferences, topics in every status over
 * the last 16 weeks, a skewed spread of votes over the last 60 days, and approved sessions with
 * bookings and attendance for 20 topics.
 */
export async function seedDashboard(pool: pg.Pool, options: DashboardSeedOptions, log: (message: string) => void): Promise<DashboardSeed> {
  const started = performance.now();
  const { users, offices, topics, votes } = options;
  await pool.query(
    `INSERT INTO "Office" ("id", "name", "district")
     SELECT 'bo' || lpad(g::text, 4, '0'), 'МФЦ №' || g, 'Округ ' || (g % 12) FROM generate_series(0, $1::int - 1) g`,
    [offices],
  );
  await pool.query(
    `INSERT INTO "Site" ("id", "code", "name", "address") VALUES
       ('bs-strogino', 'strogino', 'Строгино', 'Москва'), ('bs-vdnkh', 'vdnkh', 'ВДНХ', 'Москва')`,
  );
  await pool.query(`INSERT INTO "Room" ("id", "siteId", "name", "capacity") VALUES ('br-1', 'bs-strogino', 'Аудитория 1', 30)`);
  await pool.query(`INSERT INTO "Trainer" ("id", "name") VALUES ('btr-1', 'Тренер для замера')`);
  // Staff: office by g, a tenth not on-line, site preferences for about two thirds.
  await pool.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "officeId", "onlineOk", "createdAt")
     SELECT 'bu' || lpad(g::text, 6, '0'), 'bench-' || g || '@bench.spros', 'Участник ' || g,
            (CASE WHEN g = 0 THEN 'MANAGER' ELSE 'STAFF' END)::"Role", 'not-a-password-hash',
            'bo' || lpad((g % $2::int)::text, 4, '0'), g % 10 <> 0, now()
     FROM generate_series(0, $1::int - 1) g`,
    [users, offices],
  );
  await pool.query(
    `INSERT INTO "UserSitePreference" ("userId", "siteId")
     SELECT 'bu' || lpad(g::text, 6, '0'), 'bs-strogino' FROM generate_series(0, $1::int - 1) g WHERE g % 3 <> 2
     UNION ALL
     SELECT 'bu' || lpad(g::text, 6, '0'), 'bs-vdnkh' FROM generate_series(0, $1::int - 1) g WHERE g % 3 <> 0`,
    [users],
  );
  // Windows: weekday-mornings preferred on two days, an afternoon "if need be", a weekend for some.
  await pool.query(
    `INSERT INTO "UserAvailability" ("id", "userId", "weekday", "startMinute", "endMinute", "strength")
     SELECT gen_random_uuid()::text, 'bu' || lpad(g::text, 6, '0'), w.weekday, w.s, w.e, w.strength::"AvailabilityStrength"
     FROM generate_series(0, $1::int - 1) g
     CROSS JOIN LATERAL (VALUES
       (1 + g % 5, 480 + 30 * (g % 6), 660 + 30 * (g % 6), 'PREFERRED'),
       (1 + (g + 2) % 5, 540, 720, 'PREFERRED'),
       (1 + (g + 2) % 5, 840, 1020 - 30 * (g % 4), 'IF_NEED_BE'),
       (6 + g % 2, 600, 780, CASE WHEN g % 2 = 0 THEN 'IF_NEED_BE' ELSE 'PREFERRED' END)
     ) AS w(weekday, s, e, strength)
     WHERE w.weekday < 6 OR g % 4 = 0`,
    [users],
  );
  // Topics: mostly OPEN, some NEW / PLANNED / SCHEDULED, a few DONE and REJECTED.
  await pool.query(
    `INSERT INTO "Topic" ("id", "title", "description", "block", "format", "status", "authorId", "createdAt", "updatedAt")
     SELECT 'bt' || lpad(g::text, 6, '0'), 'Тема для замера №' || g, 'Описание темы для замера №' || g,
            (CASE WHEN g % 2 = 0 THEN 'SERVICE_DELIVERY' ELSE 'SERVICE_CULTURE' END)::"TopicBlock",
            (ARRAY['TRAINING', 'SEMINAR', 'ROUND_TABLE', 'WEBINAR', 'DISTANCE'])[1 + g % 5]::"TopicFormat",
            (CASE WHEN g < 20 THEN 'SCHEDULED' WHEN g % 17 = 0 THEN 'DONE' WHEN g % 13 = 0 THEN 'REJECTED'
                  WHEN g % 7 = 0 THEN 'NEW' WHEN g % 11 = 0 THEN 'PLANNED' ELSE 'OPEN' END)::"TopicStatus",
            'bu' || lpad(((g * 7919) % $2::int)::text, 6, '0'),
            now() - (g % 112) * interval '1 day' - g * interval '7 minutes', now()
     FROM generate_series(0, $1::int - 1) g`,
    [topics, users],
  );
  // Votes: topic i gets a share ∝ (n − i), consecutive users from a topic-specific offset, cast
  // over the last 60 days.
  await pool.query(
    `WITH weights AS (
       SELECT g AS i, 'bt' || lpad(g::text, 6, '0') AS topic,
              floor($1::numeric * ($2::int - g) / ($2::int * ($2::int + 1) / 2))::int AS n
       FROM generate_series(0, $2::int - 1) g
     )
     INSERT INTO "Vote" ("id", "userId", "topicId", "createdAt")
     SELECT gen_random_uuid()::text, 'bu' || lpad((((w.i * 7919) + j) % $3::int)::text, 6, '0'), w.topic,
            now() - ((j * 7919 + w.i * 104729) % (60 * 24 * 60)) * interval '1 minute'
     FROM weights w CROSS JOIN LATERAL generate_series(0, least(w.n, $3::int) - 1) j`,
    [votes, topics, users],
  );
  await pool.query(
    `UPDATE "Topic" t SET "voteCount" = c.n
     FROM (SELECT "topicId", count(*)::int AS n FROM "Vote" GROUP BY "topicId") c WHERE c."topicId" = t."id"`,
  );
  // Sessions for the 20 SCHEDULED topics: two past, two upcoming, 20 seats each, booked by the
  // topic's voters (and a few others); the past ones with attendance, one in eight a no-show.
  await pool.query(
    `INSERT INTO "TrainingSession" ("id", "topicId", "trainerId", "siteId", "roomId", "date", "startMinute", "endMinute",
                                    "startsAt", "endsAt", "capacity", "seatsTaken", "votersOnlyUntil", "nextQueueNumber")
     SELECT 'bss' || t || '-' || k, 'bt' || lpad(t::text, 6, '0'), 'btr-1', 'bs-strogino', 'br-1',
            (now() + (k * 7 - 14 + t % 7) * interval '1 day')::date, 600, 720,
            now() + (k * 7 - 14 + t % 7) * interval '1 day', now() + (k * 7 - 14 + t % 7) * interval '1 day' + interval '2 hours',
            20, 0, now() - interval '1 day', 1
     FROM generate_series(0, 19) t CROSS JOIN generate_series(0, 3) k`,
  );
  await pool.query(
    `INSERT INTO "Booking" ("id", "sessionId", "userId", "status", "queueNumber", "attendance", "updatedAt")
     SELECT gen_random_uuid()::text, s."id", v."userId", 'CONFIRMED', v.rn,
            CASE WHEN s."endsAt" < now() THEN (CASE WHEN v.rn % 8 = 0 THEN 'NO_SHOW' ELSE 'ATTENDED' END)::"Attendance" END, now()
     FROM "TrainingSession" s
     JOIN LATERAL (
       SELECT "userId", row_number() OVER (ORDER BY "userId") AS rn FROM "Vote" WHERE "topicId" = s."topicId"
       OFFSET (right(s."id", 1)::int * 18) LIMIT 18
     ) v ON true`,
  );
  await pool.query(
    `UPDATE "TrainingSession" s SET "seatsTaken" = c.n, "nextQueueNumber" = c.n + 1
     FROM (SELECT "sessionId", count(*)::int AS n FROM "Booking" GROUP BY "sessionId") c WHERE c."sessionId" = s."id"`,
  );
  await pool.query(`VACUUM ANALYZE`); // as autovacuum would leave it: visibility map set, statistics fresh

  const counts: Record<string, number> = {};
  for (const table of ["Office", "User", "UserAvailability", "UserSitePreference", "Topic", "Vote", "TrainingSession", "Booking"]) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = rows[0].n;
  }
  log(`fixture in ${Math.round(performance.now() - started)} ms: ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(", ")}`);
  const { rows: top } = await pool.query<{ id: string }>(
    `SELECT "id" FROM "Topic" WHERE "status" IN ('NEW', 'OPEN', 'PLANNED', 'SCHEDULED') ORDER BY "voteCount" DESC LIMIT 1`,
  );
  return {
    managerId: "bu000000",
    officeIds: Array.from({ length: offices }, (_, i) => `bo${String(i).padStart(4, "0")}`),
    siteIds: ["bs-strogino", "bs-vdnkh"],
    topTopicId: top[0].id,
    counts,
  };
}
