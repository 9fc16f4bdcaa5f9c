import type { ApiClient } from "../helpers/api-server";
import type { MatrixWorld } from "./world";

export const ROLES = ["anonymous", "STAFF", "TRAINER", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What one role gets from one operation:
 * - "allowed": no error, a value (a result union's Success member), and a mutation changes its rows;
 * - "UNAUTHENTICATED" / "FORBIDDEN": a GraphQL error with that extensions.code, the value null;
 * - { typed }: refused by the resolver as a typed member of the result union (NotFoundError…);
 * - "null" / "empty" / "false": the object is hidden from this viewer (null, [] or false, no error).
 * Every refusal also leaves the case's rows unchanged.
 */
export type Outcome = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN" | { typed: string } | "null" | "empty" | "false";
export type Expectation = Record<Role, Outcome>;

export type CaseContext = {
  role: Role;
  world: MatrixWorld;
  /** The viewer's user id; anonymous callers act on `world.users.other`'s objects. */
  viewerId: string;
  /** A per-case number, for unique names and dates. */
  serial: number;
};

export type Prepared = {
  variables?: Record<string, unknown>;
  /** The rows the operation may touch: equal before and after a refusal, different after an allowed mutation. */
  state?: () => Promise<unknown>;
  /** Extra checks on the value when allowed (e.g. someone else's rows stayed out). */
  allowed?: (value: any) => void | Promise<void>;
};

export type OperationRow = {
  /** "Mutation.vote", "Query.node", … — the root field the document calls. */
  operation: string;
  /** What this row exercises beyond the root field (object-level rules), e.g. "another staff member's booking". */
  case?: string;
  /** Guarded types and fields (e.g. "Booking", "User.email") whose rule this row exercises. */
  covers?: string[];
  document: string;
  /** Where the value under test is in `data` (default: the root field). */
  path?: string[];
  expect: Expectation;
  prepare?: (context: CaseContext) => Promise<Prepared>;
  /** An allowed mutation that need not change rows (e.g. signOut). */
  writesNothing?: boolean;
  /** The client the role calls with (default: the role's shared, signed-in client). */
  client?: (context: CaseContext) => Promise<ApiClient>;
};

export type SubscriptionRow = {
  operation: string;
  case?: string;
  covers?: string[];
  document: string;
  expect: Expectation;
  /** Variables, and a trigger that makes the server publish one event the subscription should deliver. */
  prepare: (context: CaseContext) => Promise<{ variables?: Record<string, unknown>; trigger: () => Promise<void> }>;
};

const table = (anonymous: Outcome, staff: Outcome, trainer: Outcome, manager: Outcome, admin: Outcome): Expectation => ({
  anonymous,
  STAFF: staff,
  TRAINER: trainer,
  MANAGER: manager,
  ADMIN: admin,
});

/** Anyone, signed in or not (signIn, signOut, a calendar feed by its secret token). */
export const EVERYONE = table("allowed", "allowed", "allowed", "allowed", "allowed");
/** Any signed-in user. */
export const SIGNED_IN = table("UNAUTHENTICATED", "allowed", "allowed", "allowed", "allowed");
/** Managers and admins. */
export const MANAGERS = table("UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "allowed", "allowed");
/** Signed-in users other than the one role listed get `other`. */
export const signedInExcept = (overrides: Partial<Expectation>): Expectation => ({ ...SIGNED_IN, ...overrides });
export { table };
