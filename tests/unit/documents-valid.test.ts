import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schema = buildSchema(readFileSync(path.join(root, "schema.graphql"), "utf8"));
const OPERATION = /^\s*(query|mutation|subscription)\b/;

const modules = ["app/lib/documents.ts", ...readdirSync(path.join(root, "app/lib/documents")).map((file) => `app/lib/documents/${file}`)];

/** Every operation the web app sends, checked against the printed schema: a renamed field fails here, not in a browser. */
describe.each(modules)("GraphQL documents in %s", (file) => {
  it("validate against schema.graphql", async () => {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    const operations = Object.entries(exports).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && OPERATION.test(entry[1]),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const [name, source] of operations) {
      const errors = validate(schema, parse(source)).map((error) => error.message);
      expect(errors, name).toEqual([]);
    }
  });
});
