import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError, type ASTVisitor, type FieldNode, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Static limits on an operation's shape, checked at parse and validation time, before anything
 * runs. The web app's heaviest documents (app/lib/documents) measure depth 8, 4 aliases,
 * 3 directives, 160 tokens and cost ≈ 38,500 (MY_BOOKINGS); tests/unit/document-limits.test.ts
 * fails when a page query outgrows these, instead of that page failing in production.
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 150_000,
} as const;

export type OperationLimits = { [K in keyof typeof OPERATION_LIMITS]: number };

/** The code every shape-limit refusal carries, so clients can tell it from a schema mistake. */
export const OPERATION_LIMIT_CODE = "OPERATION_TOO_COMPLEX";

const tagged = (error: GraphQLError) => {
  // Armor builds bare GraphQLErrors; a stable code makes the refusal distinguishable.
  (error.extensions as Record<string, unknown>).code = OPERATION_LIMIT_CODE;
  return error;
};
// Validation-time limits report like any validation error (armor would throw out of validate());
// the token limit runs inside the parser, where throwing is the only way out.
const reported = {
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(tagged(error))],
  propagateOnRejection: false,
};
const thrown = { onReject: [(_context: unknown, error: GraphQLError) => void tagged(error)] };

/**
 * graphql-armor's envelop plugins. In production field suggestions ("Did you mean …?") are
 * masked so the schema cannot be mapped by typos while introspection is off.
 */
export function armorPlugins(options: { limits?: Partial<OperationLimits>; production: boolean }): Plugin[] {
  const limits = { ...OPERATION_LIMITS, ...options.limits };
  const plugin = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...reported },
    maxAliases: { n: limits.maxAliases, ...reported },
    maxDirectives: { n: limits.maxDirectives, ...reported },
    maxTokens: { n: limits.maxTokens, ...thrown },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...reported },
    blockFieldSuggestion: { enabled: options.production },
  });
  return [plugin as Plugin];
}

/** The code an introspection query gets when introspection is off. */
export const INTROSPECTION_DISABLED_CODE = "INTROSPECTION_DISABLED";

/** Refuses __schema and __type (not __typename) at validation. */
export const disableIntrospectionPlugin: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule((context: ValidationContext): ASTVisitor => ({
      Field(node: FieldNode) {
        if (node.name.value !== "__schema" && node.name.value !== "__type") return;
        context.reportError(
          new GraphQLError("GraphQL introspection is disabled on this server.", {
            nodes: node,
            extensions: { code: INTROSPECTION_DISABLED_CODE },
          }),
        );
      },
    }));
  },
};

/** The largest GraphQL request body accepted; the app's largest (availability) is a few kB. */
export const MAX_BODY_BYTES = 256 * 1024;

export const BODY_TOO_LARGE_CODE = "REQUEST_TOO_LARGE";

/**
 * Refuses an oversized body from its Content-Length before Yoga reads it; a network request
 * without a length (chunked) is refused too, since its size is unknown until it is read.
 * In-process calls (yoga.fetch from Remix) carry neither header and pass.
 */
export function bodyLimitPlugin(maxBytes: number = MAX_BODY_BYTES): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = request.headers.get("content-length");
      const chunked = request.headers.get("transfer-encoding");
      const tooLarge = length !== null ? !(Number(length) <= maxBytes) : chunked !== null;
      if (!tooLarge) return;
      const message = length !== null
        ? `Request body too large: the limit is ${maxBytes} bytes.`
        : "A request body must declare its Content-Length.";
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: BODY_TOO_LARGE_CODE } }] }), {
          status: length !== null ? 413 : 411,
          headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
        }),
      );
    },
  };
}
