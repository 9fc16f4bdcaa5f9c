/** Managers' tools on a topic: status changes, rejecting, reopening, editing and merging. */
import type { MutationResult } from "./discussion";
import type { ErrorResult, TopicBlock, TopicFormat, TopicStatus } from "./topics";
const TOPIC_RESULT = /* GraphQL */ `
  __typename
  ... on ValidationError { message fieldErrors { path message } }
  ... on ForbiddenTransitionError { message allowed reason }
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

export type MergeCandidate = { id: string; title: string; status: TopicStatus; voteCount: number; description: string };
export const MERGE_CANDIDATES = /* GraphQL */ `
  query MergeCandidates($id: ID!, $title: String!, $search: String, $searching: Boolean!, $target: ID!, $withTarget: Boolean!) {
    topic(id: $id) { id title status voteCount description }
    similarTopics(title: $title, first: 8) @skip(if: $searching) {
      __typename
      ... on QuerySimilarTopicsSuccess { data { topic { id title status voteCount description } } }
    }
    topics(first: 20, filter: { search: $search }) @include(if: $searching) {
      edges { node { id title status voteCount description } }
    }
    target: topic(id: $target) @include(if: $withTarget) { id title status voteCount description }
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
