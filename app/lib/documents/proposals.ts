/**
 * GraphQL operations of the proposal review page (/manage/planning/<runId>), with the shapes of
 * their results. Aligned by hand with /schema.graphql.
 */
import type { FieldError } from "~/lib/documents";
import type { CurrentFigures } from "../../../domain/planning/current-figures";

export type ProposedSessionItem = {
  id: string;
  version: number;
  state: "PROPOSED" | "APPROVED" | "REMOVED";
  date: string;
  start: string;
  end: string;
  online: boolean;
  capacity: number;
  preferredAttendees: number;
  ifNeedBeAttendees: number;
  expectedAttendees: number;
  belowMinimum: boolean;
  trainerId: string;
  trainerName: string;
  roomId: string | null;
  roomName: string | null;
  site: { name: string } | null;
  topic: { id: string; title: string };
};

export type ReviewTrainer = { id: string; name: string; topicIds: string[] };
export type ReviewRoom = { id: string; name: string; capacity: number; siteName: string; siteCode: string };
export type UnservedItem = {
  topic: { id: string; title: string } | null;
  demandPairs: number;
  /** When the solver finished (what the reasons explain). */
  unservedPairs: number;
  /** With the review's changes. */
  currentUnservedPairs: number;
  reasons: { reason: string; count: number }[];
};

export type PlanningReviewRun = {
  __typename: "PlanningRun";
  id: string;
  status: string;
  horizonStart: string;
  horizonDays: number;
  metrics: { servedWeight: number; servedPairs: number; demandPairs: number; upperBound: number | null; gap: number | null; sessions: number } | null;
  currentMetrics: CurrentFigures | null;
  unserved: UnservedItem[];
  sessions: ProposedSessionItem[];
  reviewTrainers: ReviewTrainer[];
  reviewRooms: ReviewRoom[];
};

export const PLANNING_REVIEW = /* GraphQL */ `
  query PlanningReview($id: ID!) {
    node(id: $id) {
      __typename
      ... on PlanningRun {
        id status horizonStart horizonDays
        metrics { servedWeight servedPairs demandPairs upperBound gap sessions }
        currentMetrics { servedWeight servedPairs demandPairs upperBound gap proposed approved removed }
        unserved { topic { id title } demandPairs unservedPairs currentUnservedPairs reasons { reason count } }
        sessions {
          id version state date start end online capacity preferredAttendees ifNeedBeAttendees expectedAttendees belowMinimum
          trainerId trainerName roomId roomName site { name } topic { id title }
        }
        reviewTrainers { id name topicIds }
        reviewRooms { id name capacity siteName siteCode }
      }
    }
  }
`;
export type PlanningReviewData = { node: PlanningReviewRun | { __typename: string } | null };

export type ViolationItem = { code: string; params: { name: string; value: string }[] };

/** Every review mutation's failure shapes. */
export type ReviewFailure =
  | { __typename: "ProposalViolationError"; message: string; sessionId: string | null; violations: ViolationItem[] }
  | { __typename: "ProposalConflictError"; message: string; code: string; sessionId: string | null }
  | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] }
  | { __typename: "NotFoundError"; message: string };

const FAILURES = /* GraphQL */ `
  ... on ProposalViolationError { sessionId violations { code params { name value } } }
  ... on ProposalConflictError { code sessionId }
  ... on Error { message }
`;
/** Edits take input, so they can also fail validation; approval has no input to validate. */
const EDIT_FAILURES = /* GraphQL */ `
  ${FAILURES}
  ... on ValidationError { fieldErrors { path message } }
`;

export const UPDATE_PROPOSED_SESSION = /* GraphQL */ `
  mutation UpdateProposedSession($id: ID!, $version: Int!, $input: UpdateProposedSessionInput!) {
    updateProposedSession(id: $id, version: $version, input: $input) {
      __typename
      ${EDIT_FAILURES}
    }
  }
`;
export type UpdateProposedSessionData = { updateProposedSession: { __typename: "MutationUpdateProposedSessionSuccess" } | ReviewFailure };

export const REMOVE_PROPOSED_SESSION = /* GraphQL */ `
  mutation RemoveProposedSession($id: ID!, $version: Int!) {
    removeProposedSession(id: $id, version: $version) {
      __typename
      ${EDIT_FAILURES}
    }
  }
`;
export type RemoveProposedSessionData = { removeProposedSession: { __typename: "MutationRemoveProposedSessionSuccess" } | ReviewFailure };

export const APPROVE_PROPOSED_SESSIONS = /* GraphQL */ `
  mutation ApproveProposedSessions($runId: ID!, $sessionIds: [ID!]) {
    approveProposedSessions(runId: $runId, sessionIds: $sessionIds) {
      __typename
      ... on MutationApproveProposedSessionsSuccess { data { id } }
      ${FAILURES}
    }
  }
`;
export type ApproveProposedSessionsData = {
  approveProposedSessions: { __typename: "MutationApproveProposedSessionsSuccess"; data: { id: string }[] } | ReviewFailure;
};
