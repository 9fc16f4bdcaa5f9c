import {
  TOPIC_BLOCKS,
  TOPIC_FORMATS,
  TOPIC_STATUSES,
  type TopicBlock,
  type TopicFilter,
  type TopicFormat,
  type TopicOrder,
  type TopicStatus,
} from "~/lib/documents";

/** The topic list's state, kept in the URL (?q=&sort=&block=&format=&status=&limit=) so it can be shared. */
export type TopicQuery = {
  search: string;
  sort: "votes" | "newest" | "trending";
  block: TopicBlock | null;
  format: TopicFormat | null;
  /** "" — topics still in play (the default), "ALL" — every status, or one status. */
  status: "" | "ALL" | TopicStatus;
  limit: number;
};

/** What the list shows unless asked otherwise: topics one can still vote for or book. */
const IN_PLAY: TopicStatus[] = ["NEW", "OPEN", "PLANNED", "SCHEDULED"];

export const PAGE_SIZE = 24;
const MAX_LIMIT = 240;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseTopicQuery(params: URLSearchParams): TopicQuery {
  const limit = Number.parseInt(params.get("limit") ?? "", 10);
  return {
    search: (params.get("q") ?? "").trim().slice(0, 200),
    sort: params.get("sort") === "newest" ? "newest" : params.get("sort") === "trending" ? "trending" : "votes",
    block: oneOf(TOPIC_BLOCKS, params.get("block")),
    format: oneOf(TOPIC_FORMATS, params.get("format")),
    status: params.get("status") === "ALL" ? "ALL" : (oneOf(TOPIC_STATUSES, params.get("status")) ?? ""),
    limit: Number.isFinite(limit) ? Math.min(Math.max(limit, PAGE_SIZE), MAX_LIMIT) : PAGE_SIZE,
  };
}

export function isFiltered(query: TopicQuery): boolean {
  return Boolean(query.search || query.block || query.format || query.status);
}

export function topicsVariables(query: TopicQuery): { first: number; orderBy: TopicOrder; filter: TopicFilter } {
  const filter: TopicFilter = {};
  if (query.search) filter.search = query.search;
  if (query.block) filter.block = query.block;
  if (query.format) filter.format = query.format;
  if (query.status !== "ALL") filter.status = query.status ? [query.status] : IN_PLAY;
  const orderBy: TopicOrder = query.sort === "newest" ? "NEWEST" : query.sort === "trending" ? "TRENDING" : "VOTES";
  return { first: query.limit, orderBy, filter };
}

/** The same list with more rows: the "show more" link. */
export function withLimit(params: URLSearchParams, limit: number): string {
  const next = new URLSearchParams(params);
  next.set("limit", String(limit));
  return `?${next}`;
}
