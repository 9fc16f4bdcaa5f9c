import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, maskDatabaseUnavailable, SERVICE_UNAVAILABLE } from "../../graphql/database-unavailable";

/** Shaped as pg, pg-pool and Prisma 7 (adapter-pg) really report them (seen in the restart drill). */
const withFields = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
const prismaError = (code: string, driverAdapterCause?: Record<string, unknown>) =>
  withFields("Invalid `prisma.x()` invocation", { name: "PrismaClientKnownRequestError", code, meta: driverAdapterCause ? { driverAdapterError: withFields("DriverAdapterError", { cause: driverAdapterCause }) } : undefined });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["pg: server down", withFields("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED" })],
    ["pg: fast shutdown of a busy connection", withFields("terminating connection due to administrator command", { code: "57P01" })],
    ["pg: starting up or shutting down", withFields("the database system is shutting down", { code: "57P03" })],
    ["pg: connection exception class 08", withFields("connection failure", { code: "08006" })],
    ["pg: connection lost", new Error("Connection terminated unexpectedly")],
    ["pg-pool: no connection in time", new Error("timeout exceeded when trying to connect")],
    ["Prisma: cannot reach", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["Prisma raw: cannot reach", prismaError("P2010", { kind: "DatabaseNotReachable" })],
    ["Prisma raw: shutdown", prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["Prisma: pool timeout", prismaError("P2024")],
    ["wrapped in a GraphQL error", new GraphQLError("x", { originalError: withFields("connect ECONNRESET", { code: "ECONNRESET" }) })],
  ])("%s: yes", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withFields("duplicate key", { code: "23505" })],
    ["Prisma: record not found", prismaError("P2025")],
    ["Prisma raw: a constraint", prismaError("P2010", { kind: "postgres", code: "23503", originalCode: "23503" })],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "ECONNREFUSED"],
  ])("%s: no", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("maskDatabaseUnavailable", () => {
  const mask = maskDatabaseUnavailable((_error, message) => new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } }));

  it("answers an unreachable database with SERVICE_UNAVAILABLE, 503 and a retry hint", () => {
    const masked = mask(withFields("connect ECONNREFUSED", { code: "ECONNREFUSED" }), "Unexpected error.") as GraphQLError;
    expect(masked.extensions).toMatchObject({ code: SERVICE_UNAVAILABLE, retryAfterSeconds: 1, http: { status: 503, headers: { "retry-after": "1" } } });
    expect(masked.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it("leaves every other error to the usual masking", () => {
    expect((mask(new TypeError("bug"), "Unexpected error.") as GraphQLError).extensions.code).toBe("INTERNAL_SERVER_ERROR");
  });
});
