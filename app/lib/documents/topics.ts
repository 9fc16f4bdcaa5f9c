/** Topics, votes, the viewer and signing in: what most pages ask for. */
import type { Locale } from "~/locales/shape";
import type { AvailabilityWindowData, DemandCellData } from "./availability";
export const TOPIC_BLOCKS = ["SERVICE_DELIVERY", "SERVICE_CULTURE"] as const;
export const TOPIC_FORMATS = ["TRAINING", "SEMINAR", "ROUND_TABLE", "WEBINAR", "DISTANCE"] as const;
export const TOPIC_STATUSES = ["NEW", "OPEN", "PLANNED", "SCHEDULED", "DONE", "REJECTED", "MERGED"] as const;
export const TOPIC_ORDERS = ["VOTES", "NEWEST", "TRENDING"] as const;
export const ROLES = ["STAFF", "TRAINER", "MANAGER", "ADMIN"] as const;

export type TopicBlock = (typeof TOPIC_BLOCKS)[number];
export type TopicFormat = (typeof TOPIC_FORMATS)[number];
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export type TopicOrder = (typeof TOPIC_ORDERS)[number];
export type Role = (typeof ROLES)[number];

/** Statuses in which a topic still collects votes (the API's VOTABLE_STATUSES in graphql/vote-store.ts). */
export const VOTABLE_STATUSES: ReadonlySet<TopicStatus> = new Set(["NEW", "OPEN", "PLANNED", "SCHEDULED"]);

export type FieldError = { path: string[]; message: string };
export type ErrorResult = { __typename: "NotFoundError" | "InvalidCredentialsError" | string; message: string };
export type ValidationErrorResult = { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] };

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  office: { id: string; name: string; district: string } | null;
  /** Always asked for by ME (the header's bell); optional so hand-made viewers need not give it. */
  unreadNotificationCount?: number;
};

export type TopicSummary = {
  id: string;
  title: string;
  description: string;
  block: TopicBlock;
  format: TopicFormat;
  durationMinutes: number;
  status: TopicStatus;
  voteCount: number;
  viewerHasVoted: boolean;
  createdAt: string;
  /** Only in the topic list (TOPICS). */
  votesLast7Days?: number;
  rejectionReason?: string | null;
  mergedInto?: { id: string; title: string } | null;
};

export type TopicDetail = TopicSummary & {
  minParticipants: number;
  maxParticipants: number;
  author: { id: string; name: string; office: { name: string; district: string } | null } | null;
  audience?: string;
  viewerVoteWindows?: AvailabilityWindowData[] | null;
  demandHeatmap?: DemandCellData[];
  votersWithoutAvailability?: number;
  upcomingSessions?: TopicUpcomingSession[];
};

/** One of a topic's approved sessions still to start, as the topic page lists it. */
export type TopicUpcomingSession = {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  site: { name: string } | null;
  roomName: string | null;
  online: boolean;
  capacity: number;
  seatsLeft: number;
  viewerBooking: { status: "CONFIRMED" | "WAITLISTED" | "CANCELLED"; waitlistPosition: number | null } | null;
};

export const TOPIC_SUMMARY = /* GraphQL */ `
  fragment TopicSummary on Topic {
    id title description block format durationMinutes status voteCount viewerHasVoted createdAt
    rejectionReason mergedInto { id title }
  }
`;

export const ME = /* GraphQL */ `
  query Me { me { id name email role locale office { id name district } unreadNotificationCount } }
`;
export type MeData = { me: Viewer };

export const TOPICS = /* GraphQL */ `
  query Topics($first: Int, $orderBy: TopicOrder, $filter: TopicFilter) {
    topics(first: $first, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...TopicSummary votesLast7Days } }
    }
  }
  ${TOPIC_SUMMARY}
`;
export type TopicFilter = { block?: TopicBlock; format?: TopicFormat; status?: TopicStatus[]; search?: string };
export type TopicsData = {
  topics: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: TopicSummary }>;
  };
};

export const TOPIC = /* GraphQL */ `
  query Topic($id: ID!) {
    topic(id: $id) {
      ...TopicSummary
      minParticipants maxParticipants
      author { id name office { name district } }
      audience viewerVoteWindows { weekday startMinute endMinute strength }
      demandHeatmap { weekday startMinute endMinute preferred ifNeedBe } votersWithoutAvailability
      upcomingSessions {
        id date startTime endTime startsAt site { name } roomName online capacity seatsLeft
        viewerBooking { status waitlistPosition }
      }
    }
  }
  ${TOPIC_SUMMARY}
`;
export type TopicData = { topic: TopicDetail | null };

export const SIGN_OUT = /* GraphQL */ `mutation SignOut { signOut }`;
export type SignOutData = { signOut: boolean };

export const SET_LOCALE = /* GraphQL */ `
  mutation SetLocale($locale: Locale!) { setLocale(locale: $locale) { id locale } }
`;
export type SetLocaleData = { setLocale: { id: string; locale: Locale } };

export const SUGGEST_TOPIC = /* GraphQL */ `
  mutation SuggestTopic($input: SuggestTopicInput!) {
    suggestTopic(input: $input) {
      __typename
      ... on MutationSuggestTopicSuccess { data { id title } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type SuggestTopicInput = { title: string; description: string; block: TopicBlock; format: TopicFormat; audience?: string };
export type SuggestTopicData = {
  suggestTopic: { __typename: "MutationSuggestTopicSuccess"; data: { id: string; title: string } } | ValidationErrorResult | ErrorResult;
};

const VOTE_RESULT = /* GraphQL */ `
  __typename
  ... on Error { message }
`;
export const VOTE = /* GraphQL */ `
  mutation Vote($topicId: ID!) {
    vote(topicId: $topicId) { ${VOTE_RESULT} ... on MutationVoteSuccess { data { id voteCount viewerHasVoted } } }
  }
`;
export const UNVOTE = /* GraphQL */ `
  mutation Unvote($topicId: ID!) {
    unvote(topicId: $topicId) { ${VOTE_RESULT} ... on MutationUnvoteSuccess { data { id voteCount viewerHasVoted } } }
  }
`;
type VoteResult =
  | { __typename: "MutationVoteSuccess" | "MutationUnvoteSuccess"; data: { id: string; voteCount: number; viewerHasVoted: boolean } }
  | ErrorResult;
export type VoteData = { vote: VoteResult };
export type UnvoteData = { unvote: VoteResult };

export const TOPIC_VOTE_CHANGED = /* GraphQL */ `
  subscription TopicVoteChanged { topicVoteChanged { topicId voteCount } }
`;
export type TopicVoteChangedData = { topicVoteChanged: { topicId: string; voteCount: number } };

export const TOPIC_SUGGESTED = /* GraphQL */ `
  subscription TopicSuggested { topicSuggested { id title } }
`;
export type TopicSuggestedData = { topicSuggested: { id: string; title: string } };
