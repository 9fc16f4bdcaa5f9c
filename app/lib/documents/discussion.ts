/** A topic's discussion and live changes: comments, the moderation log, status and demand changes. */
import type { DemandCellData } from "./availability";
import type { ErrorResult, Role, TopicStatus, ValidationErrorResult } from "./topics";
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

export type MutationResult<TSuccess extends string, TData> =
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
