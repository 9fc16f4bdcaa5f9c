import type { PrismaClient } from "../prisma/client";
import type { WeeklyWindow } from "./availability";
import { isoWeekday } from "./centre-time";
import { contractWindows, effectiveWindows } from "./demand";

/**
 * "Does this session suit me?" with the scheduler's own rules (domain/demand.ts): a session suits a
 * person's time when it lies inside ONE of the contract windows of their effective availability for
 * its topic (general availability narrowed by the vote's windows), and suits their place when it is
 * on-line or at one of their preferred sites.
 */
export type ViewerFit = {
  /** Topic ids the person voted for. */
  votedTopicIds: ReadonlySet<string>;
  general: ReadonlyArray<WeeklyWindow>;
  /** Narrowing windows per voted topic (absent or empty: not narrowed). */
  narrowing: ReadonlyMap<string, ReadonlyArray<WeeklyWindow>>;
  siteIds: ReadonlySet<string>;
};

export type SessionSlot = { topicId: string; siteId: string | null; date: Date; startMinute: number; endMinute: number };

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function fitsTime(fit: ViewerFit, session: SessionSlot): boolean {
  const narrowing = fit.narrowing.get(session.topicId);
  const windows = contractWindows(effectiveWindows(fit.general, narrowing && narrowing.length ? narrowing : null));
  const weekday = isoWeekday(session.date);
  return windows.some(
    (window) => window.weekday === weekday && toMinute(window.from) <= session.startMinute && session.endMinute <= toMinute(window.to),
  );
}

export function fitsPlace(fit: ViewerFit, session: SessionSlot): boolean {
  return session.siteId === null || fit.siteIds.has(session.siteId);
}

export const matchesTime = (fit: ViewerFit, session: SessionSlot) => fitsTime(fit, session) && fitsPlace(fit, session);

/** 0: voted and fits time and place; 1: voted only; 2: the rest. The bookable list sorts by it. */
export function matchRank(fit: ViewerFit, session: SessionSlot): 0 | 1 | 2 {
  if (!fit.votedTopicIds.has(session.topicId)) return 2;
  return matchesTime(fit, session) ? 0 : 1;
}

const windowSelect = { weekday: true, startMinute: true, endMinute: true, strength: true } as const;

/** The person's votes (with narrowing), availability and sites in three queries. */
export async function loadViewerFit(prisma: PrismaClient, userId: string): Promise<ViewerFit> {
  const [votes, general, sites] = await Promise.all([
    prisma.vote.findMany({ where: { userId }, select: { topicId: true, windows: { select: windowSelect } } }),
    prisma.userAvailability.findMany({ where: { userId }, select: windowSelect }),
    prisma.userSitePreference.findMany({ where: { userId }, select: { siteId: true } }),
  ]);
  return {
    votedTopicIds: new Set(votes.map((vote) => vote.topicId)),
    general: general as WeeklyWindow[],
    narrowing: new Map(votes.map((vote) => [vote.topicId, vote.windows as WeeklyWindow[]])),
    siteIds: new Set(sites.map((site) => site.siteId)),
  };
}
