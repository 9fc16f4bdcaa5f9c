import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder";
import "./errors";
import "./users";
import "./topics";
import "./votes";
import "./moderation-errors";
import "./comments";
import "./notifications";
import "./topic-status";
import "./availability";
import "./vote-windows";
import "./demand";
import "./trending";
import "./my-topics";
import "./similar-topics";

export const schema = lexicographicSortSchema(builder.toSchema());
