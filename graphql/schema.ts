import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder";
import "./errors";
import "./users";
import "./topics";
import "./votes";

export const schema = lexicographicSortSchema(builder.toSchema());
