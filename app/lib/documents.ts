/**
 * Every GraphQL operation the web app sends, with the TypeScript shape of its result.
 * Aligned by hand with /schema.graphql (checked in by the server side).
 */
import type { Locale } from "~/locales/shape";

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
type ErrorResult = { __typename: "NotFoundError" | "InvalidCredentialsError" | string; message: string };
type ValidationErrorResult = { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] };

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
};

const TOPIC_SUMMARY = /* GraphQL */ `
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
    }
  }
  ${TOPIC_SUMMARY}
`;
export type TopicData = { topic: TopicDetail | null };

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { id locale } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type SignInData = {
  signIn: { __typename: "MutationSignInSuccess"; data: { id: string; locale: Locale } } | ValidationErrorResult | ErrorResult;
};

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

// ——— Comments, statuses, notifications and moderation (topic page, header bell, manager tools) ———

/** The API's comment length limit (Mutation.addComment: trimmed, 1–2000 characters). */
export const COMMENT_MAX_LENGTH = 2000;
/** The API's rejection reason limits (Mutation.rejectTopic: trimmed, 3–1000 characters). */
export const REJECTION_REASON_MIN = 3;
export const REJECTION_REASON_MAX = 1000;

export const MODERATOR_ROLES: ReadonlySet<Role> = new Set(["MANAGER", "ADMIN"]);

export type CommentItem = {
  id: string;
  body: string;
  createdAt: string;
  viewerCanDelete: boolean;
  author: { id: string; name: string };
};
const COMMENT_FIELDS = /* GraphQL */ `id body createdAt viewerCanDelete author { id name }`;

export type ModerationActionKind = "EDIT" | "MERGE" | "REJECT" | "REOPEN" | "STATUS_CHANGE";
export type ModerationLogEntry = {
  id: string;
  kind: ModerationActionKind;
  createdAt: string;
  actor: { id: string; name: string } | null;
  fromStatus: TopicStatus | null;
  toStatus: TopicStatus | null;
  reason: string | null;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
  deletedCommentExcerpt: string | null;
  mergedInto: { id: string; title: string } | null;
  mergedFrom: { id: string; title: string } | null;
  movedVoteCount: number | null;
  movedCommentCount: number | null;
  droppedVoteCount: number | null;
};

export type TopicDiscussion = {
  id: string;
  status: TopicStatus;
  statusChangedAt: string;
  rejectionReason: string | null;
  mergedInto: { id: string; title: string } | null;
  mergedFrom: Array<{ id: string; title: string }>;
  audience: string;
  comments: {
    totalCount: number;
    pageInfo: { hasPreviousPage: boolean };
    edges: Array<{ node: CommentItem }>;
  };
  moderationLog: ModerationLogEntry[];
};

/** What the topic page shows besides the topic itself: status details, comments, moderation log. */
export const TOPIC_DISCUSSION = /* GraphQL */ `
  query TopicDiscussion($id: ID!) {
    topic(id: $id) {
      id status statusChangedAt rejectionReason audience
      mergedInto { id title }
      mergedFrom { id title }
      comments(last: 100) { totalCount pageInfo { hasPreviousPage } edges { node { ${COMMENT_FIELDS} } } }
      moderationLog {
        id kind createdAt actor { id name } fromStatus toStatus reason
        changes { field from to } deletedCommentExcerpt
        mergedInto { id title } mergedFrom { id title }
        movedVoteCount movedCommentCount droppedVoteCount
      }
    }
  }
`;
export type TopicDiscussionData = { topic: TopicDiscussion | null };

type MutationResult<TSuccess extends string, TData> =
  | { __typename: TSuccess; data: TData }
  | ValidationErrorResult
  | (ErrorResult & { allowed?: TopicStatus[]; code?: string });

export const ADD_COMMENT = /* GraphQL */ `
  mutation AddComment($topicId: ID!, $body: String!) {
    addComment(topicId: $topicId, body: $body) {
      __typename
      ... on MutationAddCommentSuccess { data { ${COMMENT_FIELDS} } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type AddCommentData = { addComment: MutationResult<"MutationAddCommentSuccess", CommentItem> };

export const DELETE_COMMENT = /* GraphQL */ `
  mutation DeleteComment($commentId: ID!) {
    deleteComment(commentId: $commentId) {
      __typename
      ... on MutationDeleteCommentSuccess { data }
      ... on Error { message }
    }
  }
`;
export type DeleteCommentData = { deleteComment: MutationResult<"MutationDeleteCommentSuccess", string> };

export const COMMENT_ADDED = /* GraphQL */ `
  subscription CommentAdded($topicId: ID!) { commentAdded(topicId: $topicId) { ${COMMENT_FIELDS} } }
`;
export type CommentAddedData = { commentAdded: CommentItem };

export const COMMENT_DELETED = /* GraphQL */ `
  subscription CommentDeleted($topicId: ID!) { commentDeleted(topicId: $topicId) }
`;
export type CommentDeletedData = { commentDeleted: string };

export const TOPIC_DEMAND_CHANGED = /* GraphQL */ `
  subscription TopicDemandChanged($topicId: ID!) {
    topicDemandChanged(topicId: $topicId) {
      id demandHeatmap { weekday startMinute endMinute preferred ifNeedBe } votersWithoutAvailability
    }
  }
`;
export type TopicDemandChangedData = {
  topicDemandChanged: { id: string; demandHeatmap: DemandCellData[]; votersWithoutAvailability: number };
};

export const TOPIC_STATUS_CHANGED = /* GraphQL */ `
  subscription TopicStatusChanged($topicId: ID) {
    topicStatusChanged(topicId: $topicId) {
      topicId fromStatus toStatus
      topic { id status rejectionReason mergedInto { id title } }
    }
  }
`;
export type TopicStatusChangedData = {
  topicStatusChanged: {
    topicId: string;
    fromStatus: TopicStatus;
    toStatus: TopicStatus;
    topic: { id: string; status: TopicStatus; rejectionReason: string | null; mergedInto: { id: string; title: string } | null };
  };
};

export type NotificationKind =
  | "TOPIC_COMMENTED"
  | "TOPIC_MERGED"
  | "TOPIC_STATUS_CHANGED"
  | "SESSION_SCHEDULED"
  | "BOOKING_PROMOTED"
  | "SESSION_CANCELLED";
export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  fromStatus: TopicStatus | null;
  toStatus: TopicStatus | null;
  reason: string | null;
  commentExcerpt: string | null;
  actor: { id: string; name: string } | null;
  topic: { id: string; title: string } | null;
  mergedInto: { id: string; title: string } | null;
  session: { id: string; date: string; startTime: string; endTime: string; online: boolean; site: { name: string } | null } | null;
};
const NOTIFICATION_FIELDS = /* GraphQL */ `
  id kind createdAt read fromStatus toStatus reason commentExcerpt
  actor { id name } topic { id title } mergedInto { id title }
  session { id date startTime endTime online site { name } }
`;

export const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($first: Int, $after: String) {
    me {
      id unreadNotificationCount
      notifications(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ${NOTIFICATION_FIELDS} } }
      }
    }
  }
`;
export type NotificationsData = {
  me: {
    id: string;
    unreadNotificationCount: number;
    notifications: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: NotificationItem }>;
    };
  };
};

export const NOTIFICATION_ADDED = /* GraphQL */ `
  subscription NotificationAdded { notificationAdded { ${NOTIFICATION_FIELDS} } }
`;
export type NotificationAddedData = { notificationAdded: NotificationItem };

export const MARK_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read } }
`;
export type MarkNotificationsReadData = { markNotificationsRead: Array<{ id: string; read: boolean }> };

export const MARK_ALL_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkAllNotificationsRead { markAllNotificationsRead { id unreadNotificationCount } }
`;
export type MarkAllNotificationsReadData = { markAllNotificationsRead: { id: string; unreadNotificationCount: number } };

/** Result selections: a fragment on a type outside a mutation's union is a validation error. */
const TOPIC_RESULT = /* GraphQL */ `
  __typename
  ... on ValidationError { message fieldErrors { path message } }
  ... on ForbiddenTransitionError { message allowed }
  ... on Error { message }
`;
const EDIT_RESULT = /* GraphQL */ `
  __typename
  ... on ValidationError { message fieldErrors { path message } }
  ... on ConflictError { message code }
  ... on Error { message }
`;

export const SET_TOPIC_STATUS = /* GraphQL */ `
  mutation SetTopicStatus($topicId: ID!, $status: TopicStatus!) {
    setTopicStatus(topicId: $topicId, status: $status) { ${TOPIC_RESULT} ... on MutationSetTopicStatusSuccess { data { id status } } }
  }
`;
export type SetTopicStatusData = { setTopicStatus: MutationResult<"MutationSetTopicStatusSuccess", { id: string; status: TopicStatus }> };

export const REJECT_TOPIC = /* GraphQL */ `
  mutation RejectTopic($topicId: ID!, $reason: String!) {
    rejectTopic(topicId: $topicId, reason: $reason) { ${TOPIC_RESULT} ... on MutationRejectTopicSuccess { data { id status } } }
  }
`;
export type RejectTopicData = { rejectTopic: MutationResult<"MutationRejectTopicSuccess", { id: string; status: TopicStatus }> };

export const REOPEN_TOPIC = /* GraphQL */ `
  mutation ReopenTopic($topicId: ID!) {
    reopenTopic(topicId: $topicId) { ${TOPIC_RESULT} ... on MutationReopenTopicSuccess { data { id status } } }
  }
`;
export type ReopenTopicData = { reopenTopic: MutationResult<"MutationReopenTopicSuccess", { id: string; status: TopicStatus }> };

export type EditTopicInput = {
  title?: string;
  description?: string;
  audience?: string;
  block?: TopicBlock;
  format?: TopicFormat;
  durationMinutes?: number;
  minParticipants?: number;
  maxParticipants?: number;
};
export type EditableTopic = {
  id: string;
  title: string;
  description: string;
  audience: string;
  block: TopicBlock;
  format: TopicFormat;
  durationMinutes: number;
  minParticipants: number;
  maxParticipants: number;
  status: TopicStatus;
};
export const EDITABLE_TOPIC = /* GraphQL */ `
  query EditableTopic($id: ID!) {
    topic(id: $id) { id title description audience block format durationMinutes minParticipants maxParticipants status }
  }
`;
export type EditableTopicData = { topic: EditableTopic | null };

export const EDIT_TOPIC = /* GraphQL */ `
  mutation EditTopic($topicId: ID!, $input: EditTopicInput!) {
    editTopic(topicId: $topicId, input: $input) { ${EDIT_RESULT} ... on MutationEditTopicSuccess { data { id } } }
  }
`;
export type EditTopicData = { editTopic: MutationResult<"MutationEditTopicSuccess", { id: string }> };

export type MergeCandidate = { id: string; title: string; status: TopicStatus; voteCount: number };
export const MERGE_CANDIDATES = /* GraphQL */ `
  query MergeCandidates($id: ID!, $title: String!, $search: String, $searching: Boolean!, $target: ID!, $withTarget: Boolean!) {
    topic(id: $id) { id title status voteCount }
    similarTopics(title: $title, first: 8) @skip(if: $searching) {
      __typename
      ... on QuerySimilarTopicsSuccess { data { topic { id title status voteCount } } }
    }
    topics(first: 20, filter: { search: $search }) @include(if: $searching) {
      edges { node { id title status voteCount } }
    }
    target: topic(id: $target) @include(if: $withTarget) { id title status voteCount }
  }
`;
export type MergeCandidatesData = {
  topic: MergeCandidate | null;
  similarTopics?: { __typename: string; data?: Array<{ topic: MergeCandidate }> };
  topics?: { edges: Array<{ node: MergeCandidate }> };
  target?: MergeCandidate | null;
};

export const MERGE_TOPICS = /* GraphQL */ `
  mutation MergeTopics($sourceId: ID!, $targetId: ID!) {
    mergeTopics(sourceId: $sourceId, targetId: $targetId) {
      __typename
      ... on MutationMergeTopicsSuccess { data { movedVoteCount movedCommentCount droppedVoteCount target { id title } } }
      ... on ConflictError { message code }
      ... on Error { message }
    }
  }
`;
export type MergeTopicsData = {
  mergeTopics:
    | {
        __typename: "MutationMergeTopicsSuccess";
        data: { movedVoteCount: number; movedCommentCount: number; droppedVoteCount: number; target: { id: string; title: string } };
      }
    | (ErrorResult & { code?: string });
};
// ——— end of comments, statuses, notifications and moderation ———

// ——— Availability, demand heat map, my topics, similar-topic hints (profile, topic page, suggest form) ———

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
