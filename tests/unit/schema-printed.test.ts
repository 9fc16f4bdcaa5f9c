import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../graphql/schema";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema:print` after changing the API)", () => {
    const checkedIn = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(checkedIn).toBe(`${printSchema(schema)}\n`);
  });
});
