import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as documents from "../../app/lib/documents/resources";

// The resource pages' documents are written by hand; each must be valid against the printed schema
// (a fragment on an error type outside a result union, say, fails the whole request at run time).
const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const operations = Object.entries(documents as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string");

describe("resource page documents", () => {
  it("has documents to check", () => expect(operations.length).toBeGreaterThanOrEqual(9));

  it.each(operations)("%s is valid against schema.graphql", (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});
