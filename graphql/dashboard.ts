import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { staffAvailabilityHeatmap, topicAvailabilityHeatmap } from "../domain/dashboard/availability";
import { topicCoverage, type TopicCoverage } from "../domain/dashboard/coverage";
import { demandByBlockFormat, demandByOffice, topTopics, type BlockFormatDemand, type OfficeDemand, type TopicDemand } from "../domain/dashboard/demand";
import { dashboardHeadline, type DashboardHeadline } from "../domain/dashboard/headline";
import type { StaffScope } from "../domain/dashboard/scope";
import { suggestionsPerWeek, type WeekCount } from "../domain/dashboard/suggestions";
import type { Office, Topic } from "../prisma/generated/client";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { DemandCellRef } from "./demand";
import { decodeNodeId } from "./node-id";
import { TopicBlockEnum, TopicFormatEnum } from "./topic-enums";
import { TopicRef } from "./topics";
import { FieldError, ValidationError } from "./validation-error";

/** What the Dashboard's fields compute from: who is counted, and the instant every figure is as of. */
type DashboardRoot = { scope: StaffScope; asOf: Date };

const OfficeRef = getRefFromModel("Office", builder);

export const DashboardHeadlineRef = builder.objectRef<DashboardHeadline>("DashboardHeadline").implement({
  fields: (t) => ({
    activeVoters: t.exposeInt("activeVoters", { description: "Distinct users who voted in the last 30 days." }),
    votesThisWeek: t.exposeInt("votesThisWeek", { description: "Votes cast since Monday 00:00 centre time." }),
    topicsOpen: t.exposeInt("topicsOpen", { description: "Topics in status OPEN." }),
    seatsBooked: t.exposeInt("seatsBooked", { description: "CONFIRMED bookings of SCHEDULED sessions that have not ended." }),
    demandServedShare: t.exposeFloat("demandServedShare", {
      nullable: true,
      description:
        "Share (0..1) of active demand (votes on active topics) whose voter holds a CONFIRMED booking on a session of that topic; null when there is no demand.",
    }),
  }),
});

export const TopicDemandRowRef = builder.objectRef<TopicDemand & { topic: Topic }>("TopicDemandRow").implement({
  fields: (t) => ({
    topic: t.field({ type: TopicRef, resolve: (row) => row.topic }),
    votes: t.exposeInt("votes"),
    votesLast7Days: t.exposeInt("votesLast7Days"),
  }),
});

const OfficeDemandRowRef = builder.objectRef<OfficeDemand & { office: Office }>("OfficeDemandRow").implement({
  fields: (t) => ({
    office: t.field({ type: OfficeRef, resolve: (row) => row.office }),
    votes: t.exposeInt("votes"),
    voters: t.exposeInt("voters"),
  }),
});

const BlockFormatDemandRowRef = builder.objectRef<BlockFormatDemand>("BlockFormatDemandRow").implement({
  fields: (t) => ({
    block: t.field({ type: TopicBlockEnum, resolve: (row) => row.block }),
    format: t.field({ type: TopicFormatEnum, resolve: (row) => row.format }),
    votes: t.exposeInt("votes"),
    topics: t.exposeInt("topics"),
  }),
});

const WeekCountRowRef = builder.objectRef<WeekCount>("WeekCountRow").implement({
  fields: (t) => ({
    weekStart: t.exposeString("weekStart"),
    count: t.exposeInt("count"),
  }),
});

const TopicCoverageRowRef = builder.objectRef<TopicCoverage & { topic: Topic }>("TopicCoverageRow").implement({
  fields: (t) => ({
    topic: t.field({ type: TopicRef, resolve: (row) => row.topic }),
    sessions: t.exposeInt("sessions"),
    seats: t.exposeInt("seats"),
    booked: t.exposeInt("booked"),
    demand: t.exposeInt("demand"),
    unserved: t.exposeInt("unserved"),
    noShowRate: t.exposeFloat("noShowRate", { nullable: true }),
  }),
});

const DashboardFilter = builder.inputType("DashboardFilter", {
  fields: (t) => ({
    officeId: t.id({ description: "Only staff of this office (User.officeId)." }),
    siteId: t.id({ description: "Only staff who marked this site as preferred (Site id); null = everyone." }),
    onlineOnly: t.boolean({ description: "Only staff who are fine with on-line sessions (User.onlineOk)." }),
  }),
});

/** A bad argument as a typed ValidationError: GraphQL error with code BAD_USER_INPUT and its field errors. */
function badInput(path: string[], message: string): never {
  const error = new ValidationError([new FieldError(path, message)]);
  throw new GraphQLError(error.message, {
    extensions: { code: "BAD_USER_INPUT", type: "ValidationError", fieldErrors: error.fieldErrors.map(({ path, message }) => ({ path, message })) },
  });
}

function decodeArg(typename: string, value: string | number | null | undefined, path: string[]): string | null {
  if (value == null) return null;
  return decodeNodeId(typename, String(value)) ?? badInput(path, `not a ${typename} id`);
}

function boundedArg(value: number | null | undefined, fallback: number, max: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) badInput([name], `must be 1 … ${max}`);
  return n;
}

/** The rows with their `path` relation (topic, office) loaded in one query with the client's selection. */
async function withRelated<Row, K extends "topic" | "office">(
  context: GraphQLContext, info: GraphQLResolveInfo, rows: Row[], key: K, idOf: (row: Row) => string,
): Promise<Array<Row & Record<K, K extends "topic" ? Topic : Office>>> {
  if (rows.length === 0) return [];
  const ids = rows.map(idOf);
  const query = queryFromInfo({ context, info, path: [key] }) as object;
  const related: Array<{ id: string }> = key === "topic"
    ? await context.prisma.topic.findMany({ ...query, where: { id: { in: ids } } })
    : await context.prisma.office.findMany({ ...query, where: { id: { in: ids } } });
  const byId = new Map(related.map((item) => [item.id, item]));
  return rows.flatMap((row) => {
    const item = byId.get(idOf(row));
    return item ? [{ ...row, [key]: item } as Row & Record<K, K extends "topic" ? Topic : Office>] : [];
  });
}

const DashboardRef = builder.objectRef<DashboardRoot>("Dashboard").implement({
  description:
    "Demand and coverage figures computed in the database. Each field runs its own aggregate query, so a client pays only for what it selects. The filter decides which staff are counted (votes, voters, bookings, suggestions, availability); topic counts, sessions and seats are the same for every filter.",
  fields: (t) => ({
    asOf: t.field({ type: "DateTime", description: "When these figures were computed (ISO instant).", resolve: (root) => root.asOf }),
    headline: t.field({
      type: DashboardHeadlineRef,
      resolve: (root, _args, context) => dashboardHeadline(context.prisma, root.scope, root.asOf),
    }),
    topTopics: t.field({
      type: [TopicDemandRowRef],
      description: "Top topics by votes (active statuses NEW/OPEN/PLANNED/SCHEDULED), with votes in the last 7 days.",
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: async (root, args, context, info) => {
        const rows = await topTopics(context.prisma, root.scope, root.asOf, boundedArg(args.first, 10, 100, "first"));
        return withRelated(context, info, rows, "topic", (row) => row.topicId);
      },
    }),
    availability: t.field({
      type: [DemandCellRef],
      description:
        "Weekday × 30-minute cells 08:00–20:00 (7 × 24 = 168 cells, weekday then time): how many staff can come, preferred / if need be. With topicId: that topic's voters with their effective availability (as Topic.demandHeatmap); without: everyone's weekly availability. The filter applies.",
      args: { topicId: t.arg.id() },
      resolve: (root, args, context) => {
        const topicId = decodeArg("Topic", args.topicId, ["topicId"]);
        return topicId
          ? topicAvailabilityHeatmap(context.prisma, root.scope, topicId)
          : staffAvailabilityHeatmap(context.prisma, root.scope);
      },
    }),
    demandByOffice: t.field({
      type: [OfficeDemandRowRef],
      description: "Votes and distinct voters per office, most votes first.",
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: async (root, args, context, info) => {
        const rows = await demandByOffice(context.prisma, root.scope, boundedArg(args.first, 20, 200, "first"));
        return withRelated(context, info, rows, "office", (row) => row.officeId);
      },
    }),
    demandByBlockFormat: t.field({
      type: [BlockFormatDemandRowRef],
      description: "Votes per block × format (active topics).",
      resolve: (root, _args, context) => demandByBlockFormat(context.prisma, root.scope),
    }),
    suggestionsPerWeek: t.field({
      type: [WeekCountRowRef],
      description:
        "New suggestions per ISO week (Monday start, centre time), oldest first, the last `weeks` weeks including this one, zeros included.",
      args: { weeks: t.arg.int({ defaultValue: 12 }) },
      resolve: (root, args, context) =>
        suggestionsPerWeek(context.prisma, root.scope, root.asOf, boundedArg(args.weeks, 12, 104, "weeks")),
    }),
    coverage: t.field({
      type: [TopicCoverageRowRef],
      description: "For topics with approved (SCHEDULED, upcoming or past) sessions: seats offered vs demand.",
      resolve: async (root, _args, context, info) =>
        withRelated(context, info, await topicCoverage(context.prisma, root.scope), "topic", (row) => row.topicId),
    }),
  }),
});

builder.queryField("dashboard", (t) =>
  t.field({
    type: DashboardRef,
    authScopes: { manager: true },
    description: "Live demand dashboard (managers). Unknown ids in the filter give empty figures; malformed ones a BAD_USER_INPUT error.",
    args: { filter: t.arg({ type: DashboardFilter }) },
    resolve: (_root, args) => ({
      asOf: new Date(),
      scope: {
        officeId: decodeArg("Office", args.filter?.officeId, ["filter", "officeId"]),
        siteId: decodeArg("Site", args.filter?.siteId, ["filter", "siteId"]),
        onlineOnly: args.filter?.onlineOnly ?? false,
      },
    }),
  }),
);
