/**
 * GraphQL operations of the resource pages (/manage/resources, /manage/trainers), with the shapes
 * of their results. Aligned by hand with /schema.graphql.
 */
import type { FieldError } from "~/lib/documents";

export type RoomItem = { id: string; name: string; capacity: number; upcomingSessionCount: number };
export type SiteItem = { id: string; code: string; name: string; address: string; opensMinute: number; closesMinute: number; rooms: RoomItem[] };
export type ClosedDateItem = { id: string; date: string; reason: string; site: { id: string; name: string } | null };

export const RESOURCES_PAGE = /* GraphQL */ `
  query ResourcesPage($from: String!) {
    sites { id code name address opensMinute closesMinute rooms { id name capacity upcomingSessionCount } }
    closedDates(from: $from) { id date reason site { id name } }
  }
`;
export type ResourcesPageData = { sites: SiteItem[]; closedDates: ClosedDateItem[] };

/** Every mutation result the resource pages read: success, field errors, or one message. */
export type ResourceResult<TSuccess extends string> =
  | { __typename: TSuccess }
  | { __typename: "ValidationError"; message: string; fieldErrors: FieldError[] }
  | { __typename: "NotFoundError" | "ResourceConflictError"; message: string; code?: string };

// A fragment on a type outside a result union is invalid: each mutation asks only for the error
// types its union has (see schema.graphql).
const ERROR = /* GraphQL */ `__typename ... on Error { message }`;
const VALIDATION = /* GraphQL */ `${ERROR} ... on ValidationError { fieldErrors { path message } }`;
const CONFLICT = /* GraphQL */ `... on ResourceConflictError { code }`;

export type SiteInput = { code: string; name: string; address: string; opensMinute: number; closesMinute: number };
export const CREATE_SITE = /* GraphQL */ `
  mutation CreateSite($input: SiteInput!) { createSite(input: $input) { ${VALIDATION} } }
`;
export const UPDATE_SITE = /* GraphQL */ `
  mutation UpdateSite($siteId: ID!, $input: SiteInput!) { updateSite(siteId: $siteId, input: $input) { ${VALIDATION} } }
`;
export const CREATE_ROOM = /* GraphQL */ `
  mutation CreateRoom($siteId: ID!, $input: RoomInput!) { createRoom(siteId: $siteId, input: $input) { ${VALIDATION} } }
`;
export const UPDATE_ROOM = /* GraphQL */ `
  mutation UpdateRoom($roomId: ID!, $input: RoomInput!) { updateRoom(roomId: $roomId, input: $input) { ${VALIDATION} } }
`;
export const DELETE_ROOM = /* GraphQL */ `
  mutation DeleteRoom($roomId: ID!) { deleteRoom(roomId: $roomId) { ${ERROR} ${CONFLICT} } }
`;
export const ADD_CLOSED_DATE = /* GraphQL */ `
  mutation AddClosedDate($input: ClosedDateInput!) { addClosedDate(input: $input) { ${VALIDATION} ${CONFLICT} } }
`;
export const REMOVE_CLOSED_DATE = /* GraphQL */ `
  mutation RemoveClosedDate($closedDateId: ID!) { removeClosedDate(closedDateId: $closedDateId) { ${ERROR} } }
`;

export type TrainerWindow = { weekday: number; startMinute: number; endMinute: number };
export type TrainerSummary = {
  id: string;
  name: string;
  maxHoursPerWeek: number;
  topics: Array<{ id: string }>;
  sites: Array<{ id: string; name: string }>;
  availability: TrainerWindow[];
  daysOff: Array<{ date: string }>;
};

export const TRAINERS_PAGE = /* GraphQL */ `
  query TrainersPage {
    trainers { id name maxHoursPerWeek topics { id } sites { id name } availability { weekday startMinute endMinute } daysOff { date } }
  }
`;
export type TrainersPageData = { trainers: TrainerSummary[] };

export type TrainerDetail = {
  id: string;
  name: string;
  maxHoursPerWeek: number;
  topics: Array<{ id: string }>;
  sites: Array<{ id: string }>;
  availability: TrainerWindow[];
  daysOff: Array<{ date: string; reason: string }>;
  user: { name: string } | null;
};
export type TopicOption = { id: string; title: string };

/** What the trainer form offers to choose from. */
export const NEW_TRAINER_PAGE = /* GraphQL */ `
  query NewTrainerPage { sites { id name } qualificationTopics { id title } }
`;
export type NewTrainerPageData = { sites: Array<{ id: string; name: string }>; qualificationTopics: TopicOption[] };

export const TRAINER_PAGE = /* GraphQL */ `
  query TrainerPage($id: ID!) {
    trainer(id: $id) {
      id name maxHoursPerWeek topics { id } sites { id } availability { weekday startMinute endMinute } daysOff { date reason } user { name }
    }
    sites { id name }
    qualificationTopics(trainerId: $id) { id title }
  }
`;
export type TrainerPageData = { trainer: TrainerDetail | null; sites: Array<{ id: string; name: string }>; qualificationTopics: TopicOption[] };

export const CREATE_TRAINER = /* GraphQL */ `
  mutation CreateTrainer($input: TrainerInput!) {
    createTrainer(input: $input) { ${VALIDATION} ... on MutationCreateTrainerSuccess { data { id } } }
  }
`;
export type CreateTrainerResult = ResourceResult<"MutationCreateTrainerSuccess"> & { data?: { id: string } };
export const UPDATE_TRAINER = /* GraphQL */ `
  mutation UpdateTrainer($trainerId: ID!, $input: TrainerInput!) { updateTrainer(trainerId: $trainerId, input: $input) { ${VALIDATION} } }
`;
export const SET_TRAINER_DAYS_OFF = /* GraphQL */ `
  mutation SetTrainerDaysOff($trainerId: ID!, $daysOff: [TrainerDayOffInput!]!) {
    setTrainerDaysOff(trainerId: $trainerId, daysOff: $daysOff) { ${VALIDATION} }
  }
`;
/** userEmail: omitted keeps the linked account, "" unlinks it. */
export type TrainerInput = { name: string; maxHoursPerWeek: number; topicIds: string[]; siteIds: string[]; availability: TrainerWindow[]; userEmail?: string };

/**
 * The translation key for an API field error: the API answers in English, the page in the reader's
 * language. Known rules are recognised by their message; anything else gets the field's general
 * message.
 */
export function fieldErrorKey(field: string, message: string): string {
  if (/already exists|already used/.test(message)) return `resources.errors.${field}Taken`;
  if (/already linked/.test(message)) return "resources.errors.userEmailLinked";
  if (/no user has/.test(message)) return "resources.errors.userEmailUnknown";
  if (/already closed/.test(message)) return "resources.errors.alreadyClosed";
  if (/teaches/.test(message)) return "resources.errors.dayOffBusy";
  if (/listed twice/.test(message)) return "resources.errors.dayOffTwice";
  if (/overlaps/.test(message)) return "resources.errors.windowOverlap";
  if (/after startMinute/.test(message)) return "resources.errors.windowOrder";
  return `resources.errors.${field}`;
}
