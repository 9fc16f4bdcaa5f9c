import { GraphQLError } from "graphql";
import { dateKey, fromDateKey } from "../domain/centre-time";
import { dateKeySchema } from "../domain/resource-rules";
import { SiteRef } from "./availability";
import { builder } from "./builder";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";

/**
 * Rooms and the closed-day calendar, and what a manager sees of a site beyond its name and hours
 * (which every signed-in user reads through `sites`). Writes: resource-sites.ts,
 * resource-calendar.ts; trainers: resource-trainers.ts.
 */
export const RoomRef = builder.prismaNode("Room", {
  // node(id) of a deleted or never-existing Room answers null, not an error.
  nullable: true,
  description: "A room at a site; its capacity bounds the seats of in-person sessions held there.",
  id: { field: "id" },
  // Managers' planning data like Site.rooms, also when reached by node(id); sessions show staff only its name.
  authScopes: { manager: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    capacity: t.exposeInt("capacity"),
    site: t.relation("site"),
    upcomingSessionCount: t.relationCount("sessions", {
      description: "Scheduled sessions in this room that have not ended yet (a room with any cannot be deleted).",
      where: () => ({ status: "SCHEDULED" as const, endsAt: { gt: new Date() } }),
    }),
  }),
});

export const ClosedDateRef = builder.prismaNode("ClosedDate", {
  // node(id) of a deleted or never-existing ClosedDate answers null, not an error.
  nullable: true,
  description: "A day on which the whole Training Centre (no site) or one site holds no sessions.",
  id: { field: "id" },
  fields: (t) => ({
    date: t.string({ description: 'The centre\'s calendar date, "YYYY-MM-DD".', select: { date: true }, resolve: (closed) => dateKey(closed.date) }),
    reason: t.exposeString("reason"),
    site: t.relation("site", { nullable: true, description: "The closed site; null when the whole centre is closed." }),
  }),
});

builder.prismaObjectFields("Site", (t) => ({
  rooms: t.relation("rooms", {
    description: "Manager: the site's rooms, by name.",
    nullable: true,
    authScopes: { manager: true },
    query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
  }),
  closedDates: t.relation("closedDates", {
    description: "Days this site is closed (not counting whole-centre closures), from the earliest.",
    query: { orderBy: [{ date: "asc" }] },
  }),
}));

const dateArg = (value: string | null | undefined, name: string): Date | undefined => {
  if (value == null) return undefined;
  if (!dateKeySchema.safeParse(value).success) {
    throw new GraphQLError(`${name} must be a calendar date as YYYY-MM-DD`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return fromDateKey(value);
};

builder.queryField("closedDates", (t) =>
  t.prismaField({
    type: [ClosedDateRef],
    description: "Closed days of the whole centre and of every site between `from` and `to` (inclusive, YYYY-MM-DD; both optional), by date.",
    args: { from: t.arg.string(), to: t.arg.string() },
    resolve: (query, _root, args, context) =>
      context.prisma.closedDate.findMany({
        ...nonEmpty(query),
        where: { date: { gte: dateArg(args.from, "from"), lte: dateArg(args.to, "to") } },
        orderBy: [{ date: "asc" }, { siteId: { sort: "asc", nulls: "first" } }],
      }),
  }),
);

builder.queryField("site", (t) =>
  t.prismaField({
    type: SiteRef,
    nullable: true,
    description: "One site by id.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = decodeNodeId("Site", String(args.id));
      return id ? context.prisma.site.findUnique({ ...nonEmpty(query), where: { id } }) : null;
    },
  }),
);
