import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import type PrismaTypes from "../prisma/generated/pothos-types";
import { getDatamodel } from "../prisma/generated/pothos-types";
import type { GraphQLContext } from "./context";
import { decodeRowGlobalID } from "./node-id";
import { validationErrorFromIssues } from "./validation-error";

function unauthenticatedError() {
  return new GraphQLError("Sign in required", { extensions: { code: "UNAUTHENTICATED" } });
}

type AuthScopes = { signedIn: boolean; manager: boolean; admin: boolean };

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  // Scope-auth first: authorisation runs before validation, so anonymous callers learn nothing.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      manager: context.viewer?.role === "MANAGER" || context.viewer?.role === "ADMIN",
      admin: context.viewer?.role === "ADMIN",
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer ? new GraphQLError("Not allowed", { extensions: { code: "FORBIDDEN" } }) : unauthenticatedError(),
  },
  // Validation failures become the typed ValidationError member of a mutation's result union.
  // Arguments are validated before field authorisation runs, so an anonymous caller is told to
  // sign in rather than shown validation details (signIn validates its own input in its resolver).
  errors: { defaultTypes: [], unsafelyHandleInputErrors: true },
  validation: {
    validationError: (result, _args, context) =>
      context.viewer ? validationErrorFromIssues(result.issues) : unauthenticatedError(),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    decodeGlobalID: decodeRowGlobalID,
  },
});

builder.scalarType("DateTime", {
  description: "An instant, serialised as an ISO-8601 string in UTC.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO-8601 string");
    return date;
  },
});

// Every root field needs a signed-in viewer unless it opts out explicitly (only signIn does).
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });
