import type { Prisma } from "../generated/client";
import { DEMO_ACCOUNT_SEEDS } from "./demo-accounts";
import type { AvailabilityWindow } from "./availability";
import { OFFICES } from "./content/offices";
import { SITES } from "./content/sites";
import type { SiteCode } from "./content/sites";
import { TOPICS } from "./content/topics";
import { TRAINERS } from "./content/trainers";
import { createRandom } from "./random";
import { planSeedSessions, type SessionAnnouncement } from "./sessions";
import { generateStaff } from "./staff";
import { generateVotes } from "./votes";

// Builds every row of the demo database in memory, ids included, so the same seed gives the same
// data and the writer can use a handful of createMany calls instead of thousands of inserts.

export type SeedPlan = {
  sites: Prisma.SiteCreateManyInput[];
  rooms: Prisma.RoomCreateManyInput[];
  offices: Prisma.OfficeCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  trainers: Prisma.TrainerCreateManyInput[];
  trainerSites: Prisma.TrainerSiteCreateManyInput[];
  trainerTopics: Prisma.TrainerTopicCreateManyInput[];
  trainerAvailability: Prisma.TrainerAvailabilityCreateManyInput[];
  topics: Prisma.TopicCreateManyInput[];
  userAvailability: Prisma.UserAvailabilityCreateManyInput[];
  userSitePreferences: Prisma.UserSitePreferenceCreateManyInput[];
  votes: Prisma.VoteCreateManyInput[];
  trainingSessions: Prisma.TrainingSessionCreateManyInput[];
  bookings: Prisma.BookingCreateManyInput[];
  announcements: SessionAnnouncement[];
  moderationActions: Prisma.ModerationActionCreateManyInput[];
};

export type PlanOptions = { staffCount: number; seed: number; now: Date; passwordHash: string; voterPriorityHours?: number };

const DAY_MS = 24 * 60 * 60 * 1000;

// Fixed windows for the demo staff so browser tests and demos see the same grid every time.
const DEMO_STAFF_SETUP: Record<string, { sites: SiteCode[]; availability: AvailabilityWindow[] }> = {
  "staff@spros.demo": {
    sites: ["strogino"],
    availability: [
      { weekday: 2, startMinute: 480, endMinute: 720, strength: "PREFERRED" },
      { weekday: 3, startMinute: 480, endMinute: 720, strength: "IF_NEED_BE" },
      { weekday: 4, startMinute: 480, endMinute: 720, strength: "PREFERRED" },
    ],
  },
  "staff2@spros.demo": {
    sites: ["strogino", "vdnkh"],
    availability: [
      { weekday: 1, startMinute: 960, endMinute: 1200, strength: "PREFERRED" },
      { weekday: 3, startMinute: 960, endMinute: 1200, strength: "PREFERRED" },
      { weekday: 6, startMinute: 600, endMinute: 900, strength: "IF_NEED_BE" },
    ],
  },
};

function minutes(hhmm: string): number {
  const [hours, mins] = hhmm.split(":").map(Number);
  return hours * 60 + mins;
}

export function buildSeedPlan({ staffCount, seed, now, passwordHash, voterPriorityHours }: PlanOptions): SeedPlan {
  const random = createRandom(seed);
  // Ids come from their own stream so adding a column of random content never reshuffles ids.
  const ids = createRandom((seed ^ 0x5eed1d5) >>> 0);
  const daysAgo = (days: number) =>
    new Date(now.getTime() - days * DAY_MS - random.int(0, 12 * 60) * 60_000);

  const siteIds = new Map<SiteCode, string>(SITES.map((s) => [s.code, ids.id()]));
  const sites = SITES.map((s) => ({
    id: siteIds.get(s.code)!,
    code: s.code,
    name: s.name,
    address: s.address,
    opensMinute: s.opensMinute,
    closesMinute: s.closesMinute,
  }));
  const rooms = SITES.flatMap((s) =>
    s.rooms.map((r) => ({ id: ids.id(), siteId: siteIds.get(s.code)!, name: r.name, capacity: r.capacity })),
  );
  const offices = OFFICES.map((o) => ({ id: ids.id(), name: o.name, district: o.district }));
  const officeIdByName = new Map(offices.map((o) => [o.name, o.id]));

  const users: Prisma.UserCreateManyInput[] = [];
  const userAvailability: Prisma.UserAvailabilityCreateManyInput[] = [];
  const userSitePreferences: Prisma.UserSitePreferenceCreateManyInput[] = [];
  const addPreferences = (userId: string, codes: SiteCode[], windows: AvailabilityWindow[]) => {
    for (const code of codes) userSitePreferences.push({ userId, siteId: siteIds.get(code)! });
    for (const w of windows) userAvailability.push({ id: ids.id(), userId, ...w });
  };

  const demoIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNT_SEEDS) {
    const id = ids.id();
    demoIds.set(account.email, id);
    users.push({
      id,
      email: account.email,
      name: account.name,
      role: account.role,
      locale: "ru",
      passwordHash,
      officeId: account.officeName ? officeIdByName.get(account.officeName)! : null,
      createdAt: daysAgo(400),
    });
    const setup = DEMO_STAFF_SETUP[account.email];
    if (setup) addPreferences(id, setup.sites, setup.availability);
  }

  const takenEmails = new Set(DEMO_ACCOUNT_SEEDS.map((a) => a.email));
  const staff = generateStaff(random, staffCount, OFFICES, takenEmails);
  const staffIds = staff.map(() => ids.id());
  const staffCreatedAt = staff.map((person) => daysAgo(person.createdDaysAgo));
  staff.forEach((person, i) => {
    users.push({
      id: staffIds[i],
      email: person.email,
      name: person.name,
      role: "STAFF",
      locale: "ru",
      passwordHash,
      officeId: offices[person.officeIndex].id,
      onlineOk: person.onlineOk,
      createdAt: staffCreatedAt[i],
    });
    addPreferences(staffIds[i], person.sites, person.availability);
  });

  // Staff proposed every NEW topic and part of the catalogue; the Training Centre (the demo
  // manager) entered the rest, and the oldest courses predate the app and have no author.
  const managerId = demoIds.get("manager@spros.demo")!;
  const authorOf = TOPICS.map((t) => {
    if (staffCount === 0) return null;
    if (t.status === "NEW" || (t.status === "OPEN" && random.chance(0.4))) return random.int(0, staffCount - 1);
    return null;
  });
  const topicIds = TOPICS.map(() => ids.id());
  const topicCreatedAt = TOPICS.map((t, i) => {
    let days = t.status === "NEW" ? random.int(0, 6) : random.int(20, 150);
    const author = authorOf[i];
    if (author !== null) days = Math.min(days, staff[author].createdDaysAgo - 1);
    return daysAgo(days);
  });

  const drafts = generateVotes(random, staff, TOPICS, OFFICES.length, authorOf);
  const voteCounts = TOPICS.map(() => 0);
  const votes = drafts.map(({ staffIndex, topicIndex }) => {
    voteCounts[topicIndex]++;
    const from = Math.max(topicCreatedAt[topicIndex].getTime(), staffCreatedAt[staffIndex].getTime());
    const createdAt = new Date(from + Math.floor(random.next() * (now.getTime() - from)));
    return { id: ids.id(), userId: staffIds[staffIndex], topicId: topicIds[topicIndex], createdAt };
  });

  const topics = TOPICS.map((t, i) => {
    const author = authorOf[i];
    const catalogue = author === null && (t.status === "PLANNED" || random.chance(0.7));
    return {
      id: topicIds[i],
      title: t.title,
      description: t.description,
      block: t.block,
      format: t.format,
      durationMinutes: t.durationMinutes,
      minParticipants: t.minParticipants,
      maxParticipants: t.maxParticipants,
      status: t.status,
      authorId: author !== null ? staffIds[author] : catalogue ? managerId : null,
      voteCount: voteCounts[i],
      createdAt: topicCreatedAt[i],
      updatedAt: topicCreatedAt[i],
    };
  });

  const topicIdByKey = new Map(TOPICS.map((t, i) => [t.key, topicIds[i]]));
  const trainerIds = TRAINERS.map(() => ids.id());
  const trainers = TRAINERS.map((t, i) => ({
    id: trainerIds[i],
    name: t.name,
    maxHoursPerWeek: t.maxHoursPerWeek,
    userId: i === 0 ? demoIds.get("trainer@spros.demo")! : null,
  }));
  const trainerSites = TRAINERS.flatMap((t, i) =>
    t.sites.map((code) => ({ trainerId: trainerIds[i], siteId: siteIds.get(code)! })),
  );
  const trainerTopics = TRAINERS.flatMap((t, i) =>
    t.topics.map((key) => ({ trainerId: trainerIds[i], topicId: topicIdByKey.get(key)! })),
  );
  const trainerAvailability = TRAINERS.flatMap((t, i) =>
    t.availability.flatMap((a) =>
      a.weekdays.map((weekday) => ({
        id: ids.id(),
        trainerId: trainerIds[i],
        weekday,
        startMinute: minutes(a.from),
        endMinute: minutes(a.to),
      })),
    ),
  );

  // Sessions draw from streams of their own, so they never reshuffle the rows above.
  const sessions = planSeedSessions(
    { sites, rooms, trainers, trainerSites, trainerTopics, trainerAvailability, topics, votes, userSitePreferences, userAvailability,
      users: users.map((user) => ({ id: user.id!, onlineOk: user.onlineOk })) },
    {
      random: createRandom((seed ^ 0x5e5510f) >>> 0),
      ids: createRandom((seed ^ 0x1d5e551) >>> 0),
      now,
      managerId,
      demoStaffId: demoIds.get("staff@spros.demo")!,
      voterPriorityHours,
    },
  );
  for (const topic of topics) {
    const scheduledAt = sessions.scheduledTopics.get(topic.id);
    if (scheduledAt) Object.assign(topic, { status: "SCHEDULED", statusChangedAt: scheduledAt, updatedAt: scheduledAt });
  }

  return {
    sites, rooms, offices, users, trainers, trainerSites, trainerTopics, trainerAvailability,
    topics, userAvailability, userSitePreferences, votes,
    trainingSessions: sessions.trainingSessions,
    bookings: sessions.bookings,
    announcements: sessions.announcements,
    moderationActions: sessions.moderationActions,
  };
}
