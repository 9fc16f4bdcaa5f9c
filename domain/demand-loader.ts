import type { PrismaClient } from "../prisma/client";
import type { WeeklyWindow } from "./availability";
import { demandEntry, isOnlineFormat, type DemandEntry } from "./demand";

const windowSelect = { weekday: true, startMinute: true, endMinute: true, strength: true } as const;

/**
 * The contract's `demand` for the given topics, read in three queries whatever their size (votes
 * with their narrowing windows, the voters' availability, their preferred sites). Entries are
 * sorted by topic id, then person id, so equal data gives an equal instance.
 */
export async function buildDemandEntries(prisma: PrismaClient, options: { topicIds: ReadonlyArray<string> }): Promise<DemandEntry[]> {
  const topicIds = [...new Set(options.topicIds)];
  if (topicIds.length === 0) return [];
  const votes = await prisma.vote.findMany({
    where: { topicId: { in: topicIds } },
    select: { userId: true, topicId: true, topic: { select: { format: true } }, windows: { select: windowSelect } },
  });
  const userIds = [...new Set(votes.map((vote) => vote.userId))];
  const [availability, sites] = await Promise.all([
    prisma.userAvailability.findMany({ where: { userId: { in: userIds } }, select: { userId: true, ...windowSelect } }),
    prisma.userSitePreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, site: { select: { code: true } } } }),
  ]);
  const generalBy = groupBy(availability, (row) => row.userId);
  const sitesBy = groupBy(sites, (row) => row.userId);
  return votes
    .map((vote) =>
      demandEntry({
        personId: vote.userId,
        topicId: vote.topicId,
        online: isOnlineFormat(vote.topic.format),
        siteCodes: (sitesBy.get(vote.userId) ?? []).map((row) => row.site.code),
        general: (generalBy.get(vote.userId) ?? []) as WeeklyWindow[],
        narrowing: vote.windows.length ? vote.windows : null,
      }),
    )
    .sort((a, b) => (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
