import { GraphQLObjectType, type GraphQLSchema } from "graphql";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schema } from "../../graphql/schema";
import { ACCOUNT_ROWS } from "./authorisation-matrix/account";
import { FIELD_ROWS } from "./authorisation-matrix/fields";
import { MANAGER_MUTATIONS } from "./authorisation-matrix/mutations-manager";
import { SIGNED_IN_MUTATIONS } from "./authorisation-matrix/mutations-signed-in";
import { QUERIES } from "./authorisation-matrix/queries";
import { ROLES, type CaseContext, type OperationRow, type Outcome, type Role, type SubscriptionRow } from "./authorisation-matrix/rows";
import { firstEventOverHttp } from "./authorisation-matrix/server-sent-events";
import { SUBSCRIPTIONS } from "./authorisation-matrix/subscriptions";
import { createMatrixWorld, type MatrixWorld } from "./authorisation-matrix/world";
import { startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

/**
 * Every root query, mutation and subscription × every role (anonymous, staff, trainer, manager,
 * admin) → allowed or refused exactly as designed, plus the object-level rules (someone else's
 * booking, notification, comment, vote windows; a trainer's own vs another trainer's session;
 * manager-only and admin-only fields). A root field without a row, or a field or type guarded by
 * scope-auth that no row exercises, fails the first test: a new operation needs a decision here.
 */
const OPERATION_ROWS: OperationRow[] = [...SIGNED_IN_MUTATIONS, ...ACCOUNT_ROWS, ...MANAGER_MUTATIONS, ...QUERIES, ...FIELD_ROWS];
const ALL_ROWS: Array<OperationRow | SubscriptionRow> = [...OPERATION_ROWS, ...SUBSCRIPTIONS];

let db: TestDatabase;
let server: ApiServer;
let world: MatrixWorld;
let serial = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  world = await createMatrixWorld(db.prisma, server);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const context = (role: Role): CaseContext => ({
  role,
  world,
  viewerId: role === "anonymous" ? world.users.other.id : world.users[role].id,
  serial: serial++,
});

const title = (row: { operation: string; case?: string }, role: Role, outcome: Outcome) =>
  `${row.operation}${row.case ? ` (${row.case})` : ""} as ${role}: ${typeof outcome === "string" ? outcome : `refused with ${outcome.typed}`}`;

const at = (data: unknown, path: string[]) => path.reduce<any>((value, key) => (value == null ? value : value[key]), data) ?? null;

/** Guarded (scope-auth) types and non-root fields of the schema, as "Type" and "Type.field". */
function guardedByScopeAuth(target: GraphQLSchema): string[] {
  const roots = new Set([target.getQueryType(), target.getMutationType(), target.getSubscriptionType()].map((type) => type?.name));
  const guarded: string[] = [];
  for (const type of Object.values(target.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__") || roots.has(type.name)) continue;
    if ((type.extensions as any)?.pothosOptions?.authScopes) guarded.push(type.name);
    for (const field of Object.values(type.getFields())) {
      if ((field.extensions as any)?.pothosOptions?.authScopes) guarded.push(`${type.name}.${field.name}`);
    }
  }
  return guarded.sort();
}

describe("the matrix covers the schema", () => {
  it("has a row for every root query, mutation and subscription field", () => {
    const rooted = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${type!.name}.${field}`),
    );
    const decided = new Set(ALL_ROWS.map((row) => row.operation));
    expect(rooted.filter((operation) => !decided.has(operation)), "operations without a row in the authorisation matrix").toEqual([]);
    expect([...decided].filter((operation) => !rooted.includes(operation)), "rows for operations the schema no longer has").toEqual([]);
    for (const row of ALL_ROWS) expect(Object.keys(row.expect).sort(), row.operation).toEqual([...ROLES].sort());
  });

  it("exercises every type and field guarded by scope-auth", () => {
    const covered = new Set(ALL_ROWS.flatMap((row) => row.covers ?? []));
    expect(guardedByScopeAuth(schema).filter((name) => !covered.has(name)), "guarded types/fields no row exercises").toEqual([]);
  });
});

async function runOperation(row: OperationRow, role: Role) {
  const outcome = row.expect[role];
  const caseContext = context(role);
  const prepared = (await row.prepare?.(caseContext)) ?? {};
  const client = row.client ? await row.client(caseContext) : world.clients[role];
  const before = await prepared.state?.();
  const result = await client.request(row.document, prepared.variables);
  const path = row.path ?? [row.operation.split(".")[1]];
  const value = at(result.data, path);
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  const isMutation = row.operation.startsWith("Mutation.");

  if (outcome === "allowed") {
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(value).not.toBeNull();
    if (typeof value?.__typename === "string" && /^(Mutation|Query)/.test(value.__typename)) {
      expect(value.__typename, JSON.stringify(value)).toMatch(/Success$/);
    }
    await prepared.allowed?.(value);
    if (isMutation && prepared.state && !row.writesNothing) expect(await prepared.state(), "an allowed mutation changes its rows").not.toEqual(before);
    if (isMutation && !prepared.state) expect(row.writesNothing, `${row.operation} needs a state to compare`).toBe(true);
    return;
  }
  if (outcome === "UNAUTHENTICATED" || outcome === "FORBIDDEN") {
    expect(codes, JSON.stringify(result)).toContain(outcome);
    expect(codes.every((code) => code === outcome), JSON.stringify(result.errors)).toBe(true);
    expect(value).toBeNull();
  } else if (typeof outcome === "object") {
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(value?.__typename).toBe(outcome.typed);
  } else {
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(value).toEqual({ null: null, empty: [], false: false }[outcome]);
  }
  if (prepared.state) expect(await prepared.state(), "a refusal changes nothing").toEqual(before);
}

describe.each(OPERATION_ROWS.map((row) => [row.operation, row] as const))("%s", (_operation, row) => {
  for (const role of ROLES) {
    it(title(row, role, row.expect[role]), () => runOperation(row, role));
  }
});

/** Collects a subscription's results; `until` waits for the first one (or the timeout). */
function collect(socket: Client, document: string, variables?: Record<string, unknown>) {
  const results: any[] = [];
  let wake = () => {};
  socket.subscribe({ query: document, variables }, {
    next: (value) => {
      results.push(value);
      wake();
    },
    error: (error) => {
      results.push({ errors: Array.isArray(error) ? error : [error] });
      wake();
    },
    complete: () => {},
  });
  const until = (timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      if (results.length) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  return { results, until };
}

async function runSubscription(row: SubscriptionRow, role: Role) {
  const outcome = row.expect[role];
  const prepared = await row.prepare(context(role));
  const socket = world.clients[role].subscriptions();
  try {
    if (role === "anonymous") {
      expect(outcome).toBe("UNAUTHENTICATED");
      const closed = new Promise<number>((resolve) => socket.on("closed", (event) => resolve((event as { code: number }).code)));
      const { results } = collect(socket, row.document, prepared.variables);
      expect(await closed).toBe(4403);
      expect(results.filter((result) => result.data)).toEqual([]);
      return;
    }
    await new Promise<void>((resolve) => socket.on("connected", () => resolve()));
    const { results, until } = collect(socket, row.document, prepared.variables);
    const field = row.operation.split(".")[1];
    if (outcome === "allowed") {
      // The subscribe frame has no acknowledgement: publish again until the first event arrives.
      for (let attempt = 0; attempt < 20 && !results.length; attempt++) {
        await prepared.trigger();
        await until(attempt < 3 ? 300 : 1000);
      }
      expect(results[0]?.errors, JSON.stringify(results[0])).toBeUndefined();
      expect(results[0]?.data?.[field]).toBeTruthy();
    } else {
      expect(await until(5000), "a refused subscription answers at once").toBe(true);
      expect(results[0].errors?.map((error: any) => error.extensions?.code), JSON.stringify(results[0])).toEqual([outcome]);
      expect(results[0].data?.[field] ?? null).toBeNull();
    }
  } finally {
    await socket.dispose();
  }
}

describe.each(SUBSCRIPTIONS.map((row) => [row.operation, row] as const))("%s", (_operation, row) => {
  for (const role of ROLES) {
    it(title(row, role, row.expect[role]), async () => {
      // graphql-ws reports a refused (anonymous) connection on console.error; expected here.
      const quiet = role === "anonymous" ? vi.spyOn(console, "error").mockImplementation(() => {}) : null;
      try {
        await runSubscription(row, role);
      } finally {
        quiet?.mockRestore();
      }
    });
  }
});

describe("subscriptions over HTTP (server-sent events) are refused alike", () => {
  for (const row of SUBSCRIPTIONS) {
    for (const role of ROLES.filter((role) => row.expect[role] !== "allowed")) {
      const outcome = row.expect[role];
      it(`${row.operation} as ${role}: ${outcome}`, async () => {
        const { variables } = await row.prepare(context(role));
        const result = await firstEventOverHttp(server, world.clients[role], row.document, variables);
        expect(result.errors?.map((error) => error.extensions?.code), JSON.stringify(result)).toEqual([outcome]);
        expect(result.data?.[row.operation.split(".")[1]] ?? null).toBeNull();
      });
    }
  }
});
