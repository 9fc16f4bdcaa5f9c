/** GraphQL documents of the demand dashboard (/manage/dashboard), per docs in /work/notes/dashboard-contract. */
import type { DemandCellData, TopicBlock, TopicFormat } from "~/lib/documents";

export type DashboardHeadline = {
  activeVoters: number;
  votesThisWeek: number;
  topicsOpen: number;
  seatsBooked: number;
  /** 0..1, null when there is no demand. */
  demandServedShare: number | null;
};
export type DashboardTopic = { id: string; title: string };
export type TopicDemandRow = { topic: DashboardTopic; votes: number; votesLast7Days: number };
export type OfficeDemandRow = { office: { id: string; name: string; district: string }; votes: number; voters: number };
export type BlockFormatDemandRow = { block: TopicBlock; format: TopicFormat; votes: number; topics: number };
export type WeekCountRow = { weekStart: string; count: number };
export type TopicCoverageRow = {
  topic: DashboardTopic;
  sessions: number;
  seats: number;
  booked: number;
  demand: number;
  unserved: number;
  noShowRate: number | null;
};
export type DashboardFilter = { officeId?: string; siteId?: string; onlineOnly?: boolean };

const HEADLINE_FIELDS = /* GraphQL */ `activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare`;
const TOP_TOPIC_FIELDS = /* GraphQL */ `topic { id title } votes votesLast7Days`;
const CELL_FIELDS = /* GraphQL */ `weekday startMinute endMinute preferred ifNeedBe`;

/**
 * The whole page in one request: `all` is unfiltered (headline, top topics, the other charts and
 * the office list of the filter), `filtered` is the heat map under the URL's filter, overall and
 * (when a topic is chosen) for that topic.
 */
export const DASHBOARD_PAGE = /* GraphQL */ `
  query DashboardPage($filter: DashboardFilter, $topicId: ID, $withTopic: Boolean!) {
    all: dashboard {
      asOf
      headline { ${HEADLINE_FIELDS} }
      topTopics(first: 10) { ${TOP_TOPIC_FIELDS} }
      demandByOffice(first: 200) { office { id name district } votes voters }
      demandByBlockFormat { block format votes topics }
      suggestionsPerWeek(weeks: 12) { weekStart count }
      coverage { topic { id title } sessions seats booked demand unserved noShowRate }
      topicChoices: topTopics(first: 30) { topic { id title } votes }
    }
    filtered: dashboard(filter: $filter) {
      availability { ${CELL_FIELDS} }
      topicAvailability: availability(topicId: $topicId) @include(if: $withTopic) { ${CELL_FIELDS} }
    }
    sites { id code name }
  }
`;
export type DashboardPageData = {
  all: {
    asOf: string;
    headline: DashboardHeadline;
    topTopics: TopicDemandRow[];
    demandByOffice: OfficeDemandRow[];
    demandByBlockFormat: BlockFormatDemandRow[];
    suggestionsPerWeek: WeekCountRow[];
    coverage: TopicCoverageRow[];
    topicChoices: Array<{ topic: DashboardTopic; votes: number }>;
  };
  filtered: { availability: DemandCellData[]; topicAvailability?: DemandCellData[] };
  sites: Array<{ id: string; code: string; name: string }>;
};

/** The live heartbeat: unfiltered headline and top topics, at most twice a second. */
export const DASHBOARD_PULSE = /* GraphQL */ `
  subscription DashboardPulse {
    dashboardPulse {
      asOf
      sequence
      headline { ${HEADLINE_FIELDS} }
      topTopics { ${TOP_TOPIC_FIELDS} }
    }
  }
`;
export type DashboardPulseData = {
  dashboardPulse: { asOf: string; sequence: number; headline: DashboardHeadline; topTopics: TopicDemandRow[] };
};

/** The page's URL query: ?topic=&site=&office=&online=1 (the heat map's filter). */
export type DashboardQuery = { topicId: string; siteId: string; officeId: string; onlineOnly: boolean };

export function readDashboardQuery(params: URLSearchParams): DashboardQuery {
  return {
    topicId: params.get("topic") ?? "",
    siteId: params.get("site") ?? "",
    officeId: params.get("office") ?? "",
    onlineOnly: params.get("online") === "1",
  };
}

/** The same query as URL parameters (empty ones left out), for links that keep the filter. */
export function dashboardSearch(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.topicId) params.set("topic", query.topicId);
  if (query.siteId) params.set("site", query.siteId);
  if (query.officeId) params.set("office", query.officeId);
  if (query.onlineOnly) params.set("online", "1");
  return params;
}

export function dashboardVariables(query: DashboardQuery): Record<string, unknown> {
  const filter: DashboardFilter = {};
  if (query.siteId) filter.siteId = query.siteId;
  if (query.officeId) filter.officeId = query.officeId;
  if (query.onlineOnly) filter.onlineOnly = true;
  return { filter, topicId: query.topicId || null, withTopic: Boolean(query.topicId) };
}
