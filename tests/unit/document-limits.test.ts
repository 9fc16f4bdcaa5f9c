import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatDocument } from "@urql/core";
import { parse, print, type GraphQLError } from "graphql";
import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { armorPlugins, OPERATION_LIMIT_CODE } from "../../graphql/armor";
import { schema } from "../../graphql/schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OPERATION = /^\s*(query|mutation|subscription)\b/;
const modules = ["app/lib/documents.ts", ...readdirSync(path.join(root, "app/lib/documents")).map((file) => `app/lib/documents/${file}`)];

// The production armour, exactly as graphql/yoga.ts installs it.
const yoga = createYoga({ schema, plugins: armorPlugins({ production: true }) });

/** Errors the armour (parse-time token limit, validation-time shape limits) reports for a document. */
function refusals(source: string) {
  const { parse: parseLimited, validate } = yoga.getEnveloped({});
  try {
    return validate(schema, parseLimited(source)).map((error: GraphQLError) => error.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * Every operation the web app sends passes the operation limits of graphql/armor.ts as written and
 * as urql sends it (with __typename added): a heavier page query fails here, not in production.
 */
describe.each(modules)("operation limits for %s", (file) => {
  it("refuse none of its documents", async () => {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    const operations = Object.entries(exports).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && OPERATION.test(entry[1]),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const [name, source] of operations) {
      expect(refusals(source), name).toEqual([]);
      expect(refusals(print(formatDocument(parse(source)))), `${name} (urql)`).toEqual([]);
    }
  });
});

const over = {
  aliases: `query { ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
  directives: `query { me { id ${"@include(if: true) ".repeat(11)} } }`,
  tokens: `query { me { ${"id ".repeat(1000)} } }`,
};

describe("the limits themselves", () => {
  it.each(Object.entries(over))("refuse a document over the %s limit with a stable code", (_name, source) => {
    const { parse: parseLimited, validate } = yoga.getEnveloped({});
    let codes: unknown[];
    try {
      codes = validate(schema, parseLimited(source)).map((error: GraphQLError) => error.extensions.code);
    } catch (error) {
      codes = [(error as { extensions?: { code?: unknown } }).extensions?.code];
    }
    expect(codes).toContain(OPERATION_LIMIT_CODE);
  });
});
