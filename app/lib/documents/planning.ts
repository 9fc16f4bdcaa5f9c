/**
 * GraphQL operations of the planning page (/manage/planning) and the instance export, with the
 * shapes of their results. Aligned by hand with /schema.graphql.
 */
import type { FieldError } from "~/lib/documents";

export type PlanningRunStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
export type PlanningPhase = "MODEL" | "CONSTRUCT" | "IMPROVE" | "BOUND" | "DONE";
export type PlanningProgressItem = { phase: PlanningPhase; fraction: number; servedWeight: number; upperBound: number | null; gap: number | null; elapsedMs: number };
export type PlanningMetricsItem = {
  servedWeight: number;
  servedPairs: number;
  demandPairs: number;
  sessions: number;
  upperBound: number | null;
  gap: number | null;
  status: "OPTIMAL" | "FEASIBLE" | "TIMED_OUT" | "INFEASIBLE";
};
export type PlanningWarning = "NO_TOPICS" | "NO_DEMAND" | "NO_QUALIFIED_TRAINER";

export type PlanningRunItem = {
  id: string;
  status: PlanningRunStatus;
  horizonStart: string;
  horizonDays: number;
  timeLimitSeconds: number;
  cancelRequested: boolean;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  createdBy: { name: string } | null;
  progress: PlanningProgressItem | null;
  metrics: PlanningMetricsItem | null;
  instanceSummary: { topics: number; demandPairs: number; warnings: PlanningWarning[] };
};

const RUN_FIELDS = /* GraphQL */ `
  id status horizonStart horizonDays timeLimitSeconds cancelRequested createdAt finishedAt error
  createdBy { name }
  progress { phase fraction servedWeight upperBound gap elapsedMs }
  metrics { servedWeight servedPairs demandPairs sessions upperBound gap status }
  instanceSummary { topics demandPairs warnings }
`;

export type PlanningTopicChoice = { id: string; title: string; voteCount: number; status: string; format: string };

export const PLANNING_PAGE = /* GraphQL */ `
  query PlanningPage {
    planningRuns(first: 20) { edges { node { ${RUN_FIELDS} } } }
    topics(first: 60, orderBy: VOTES, filter: { status: [OPEN, NEW] }) {
      edges { node { id title voteCount status format } }
    }
  }
`;
export type PlanningPageData = {
  planningRuns: { edges: Array<{ node: PlanningRunItem }> };
  topics: { edges: Array<{ node: PlanningTopicChoice }> };
};

export const START_PLANNING_RUN = /* GraphQL */ `
  mutation StartPlanningRun($input: StartPlanningRunInput!) {
    startPlanningRun(input: $input) {
      __typename
      ... on MutationStartPlanningRunSuccess { data { id } }
      ... on ValidationError { message fieldErrors { path message } }
    }
  }
`;
export type StartPlanningRunData = {
  startPlanningRun: { __typename: "MutationStartPlanningRunSuccess"; data: { id: string } } | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] };
};

export const CANCEL_PLANNING_RUN = /* GraphQL */ `
  mutation CancelPlanningRun($id: ID!) {
    cancelPlanningRun(id: $id) {
      __typename
      ... on Error { message }
    }
  }
`;
export type CancelPlanningRunData = { cancelPlanningRun: { __typename: string; message?: string } };

export const PLANNING_RUN_CHANGED = /* GraphQL */ `
  subscription PlanningRunChanged($runId: ID!) {
    planningRunChanged(runId: $runId) { ${RUN_FIELDS} }
  }
`;
export type PlanningRunChangedData = { planningRunChanged: PlanningRunItem };

export const PLANNING_RUN_INSTANCE = /* GraphQL */ `
  query PlanningRunInstance($id: ID!) {
    node(id: $id) { __typename ... on PlanningRun { instanceJson } }
  }
`;
export type PlanningRunInstanceData = { node: { __typename: string; instanceJson?: string } | null };
