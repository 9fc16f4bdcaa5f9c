import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "./schema";

// schema.graphql is checked in; a test fails when it differs from what the code builds.
const target = new URL("../schema.graphql", import.meta.url);
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`wrote ${target.pathname}`);
