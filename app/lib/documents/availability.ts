/** Availability, the demand heat map, narrowing on a vote, my topics and similar-topic hints. */
import { TOPIC_SUMMARY, type ErrorResult, type TopicStatus, type TopicSummary, type ValidationErrorResult } from "./topics";
export type AvailabilityStrength = "PREFERRED" | "IF_NEED_BE";
export type AvailabilityWindowData = { weekday: number; startMinute: number; endMinute: number; strength: AvailabilityStrength };
export type DemandCellData = { weekday: number; startMinute: number; endMinute: number; preferred: number; ifNeedBe: number };
export type SiteData = { id: string; code: string; name: string };

const WINDOW_FIELDS = /* GraphQL */ `weekday startMinute endMinute strength`;

export const MY_AVAILABILITY = /* GraphQL */ `
  query MyAvailability {
    me { id availability { ${WINDOW_FIELDS} } preferredSites { id code name } onlineOk }
    sites { id code name }
  }
`;
export type MyAvailabilityData = {
  me: { id: string; availability: AvailabilityWindowData[] | null; preferredSites: SiteData[] | null; onlineOk: boolean | null };
  sites: SiteData[];
};

export const SET_MY_AVAILABILITY = /* GraphQL */ `
  mutation SetMyAvailability($input: SetMyAvailabilityInput!) {
    setMyAvailability(input: $input) {
      __typename
      ... on MutationSetMyAvailabilitySuccess { data { id availability { ${WINDOW_FIELDS} } preferredSites { id code name } onlineOk } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type SetMyAvailabilityInput = { windows: AvailabilityWindowData[]; siteIds: string[]; onlineOk: boolean };
export type SetMyAvailabilityData = {
  setMyAvailability:
    | { __typename: "MutationSetMyAvailabilitySuccess"; data: MyAvailabilityData["me"] }
    | ValidationErrorResult
    | ErrorResult;
};

export const SET_VOTE_WINDOWS = /* GraphQL */ `
  mutation SetVoteWindows($topicId: ID!, $windows: [AvailabilityWindowInput!]) {
    setVoteWindows(topicId: $topicId, windows: $windows) {
      __typename
      ... on MutationSetVoteWindowsSuccess { data { id viewerVoteWindows { ${WINDOW_FIELDS} } } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type SetVoteWindowsData = {
  setVoteWindows:
    | { __typename: "MutationSetVoteWindowsSuccess"; data: { id: string; viewerVoteWindows: AvailabilityWindowData[] | null } }
    | ValidationErrorResult
    | ErrorResult;
};

/** The viewer's availability, for the topic page's "narrow my time" grid. */
export const MY_AVAILABILITY_WINDOWS = /* GraphQL */ `
  query MyAvailabilityWindows { me { id availability { ${WINDOW_FIELDS} } } }
`;
export type MyAvailabilityWindowsData = { me: { id: string; availability: AvailabilityWindowData[] | null } };

const MY_TOPICS_PAGE = /* GraphQL */ `
  totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { ...TopicSummary } }
`;
export const MY_VOTED_TOPICS = /* GraphQL */ `
  query MyVotedTopics($first: Int, $after: String, $last: Int, $before: String) {
    me { id votedTopics(first: $first, after: $after, last: $last, before: $before) { ${MY_TOPICS_PAGE} } }
  }
  ${TOPIC_SUMMARY}
`;
export const MY_SUGGESTED_TOPICS = /* GraphQL */ `
  query MySuggestedTopics($first: Int, $after: String, $last: Int, $before: String) {
    me { id suggestedTopics(first: $first, after: $after, last: $last, before: $before) { ${MY_TOPICS_PAGE} } }
  }
  ${TOPIC_SUMMARY}
`;
export type MyTopicsConnection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: TopicSummary }>;
};
export type MyVotedTopicsData = { me: { id: string; votedTopics: MyTopicsConnection | null } };
export type MySuggestedTopicsData = { me: { id: string; suggestedTopics: MyTopicsConnection } };

export const SIMILAR_TOPICS = /* GraphQL */ `
  query SimilarTopics($title: String!, $first: Int) {
    similarTopics(title: $title, first: $first) {
      __typename
      ... on QuerySimilarTopicsSuccess { data { score topic { id title status voteCount viewerHasVoted } } }
      ... on ValidationError { message }
    }
  }
`;
export type SimilarTopicData = {
  score: number;
  topic: { id: string; title: string; status: TopicStatus; voteCount: number; viewerHasVoted: boolean };
};
export type SimilarTopicsData = {
  similarTopics: { __typename: "QuerySimilarTopicsSuccess"; data: SimilarTopicData[] } | { __typename: "ValidationError"; message: string };
};
