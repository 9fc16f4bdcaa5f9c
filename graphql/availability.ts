import { z } from "zod";
import { AVAILABILITY_GRID, normalizeWindows, weeklyWindowsSchema, type WeeklyWindow } from "../domain/availability";
import type { PrismaClient } from "../prisma/client";
import { builder } from "./builder";
import { publishVoterDemandChanged } from "./demand-live";
import type { GraphQLContext } from "./context";
import { FieldError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";

export const AvailabilityStrengthEnum = builder.enumType("AvailabilityStrength", {
  description: "How gladly a person comes at a time (Rallly's yes / if need be).",
  values: {
    PREFERRED: { description: "A good time to come." },
    IF_NEED_BE: { description: "Possible, if need be." },
  } as const,
});

export const AvailabilityWindowRef = builder.objectRef<WeeklyWindow>("AvailabilityWindow").implement({
  description:
    "A weekly time window at the Training Centre (Moscow wall clock). Windows are normalised: sorted, disjoint, adjacent cells of one strength merged.",
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after midnight, on the 30-minute grid (480 = 08:00)." }),
    endMinute: t.exposeInt("endMinute", { description: "Minutes after midnight, exclusive (1200 = 20:00)." }),
    strength: t.expose("strength", { type: AvailabilityStrengthEnum }),
  }),
});

export const AvailabilityWindowInput = builder.inputType("AvailabilityWindowInput", {
  description: `One window of the weekly grid: weekday 1–7, minutes on the ${AVAILABILITY_GRID.slotMinutes}-minute grid within ${AVAILABILITY_GRID.dayStartMinute}–${AVAILABILITY_GRID.dayEndMinute} (08:00–20:00), startMinute < endMinute. Windows of one weekday must not overlap; adjacent ones of one strength are merged.`,
  fields: (t) => ({
    weekday: t.int({ required: true }),
    startMinute: t.int({ required: true }),
    endMinute: t.int({ required: true }),
    strength: t.field({ type: AvailabilityStrengthEnum, required: true }),
  }),
});

export const windowSelect = { weekday: true, startMinute: true, endMinute: true, strength: true } as const;
export const windowOrder = [{ weekday: "asc" }, { startMinute: "asc" }] as const;

export const SiteRef = builder.prismaNode("Site", {
  // node(id) of a deleted or never-existing Site answers null, not an error.
  nullable: true,
  description: "A Training Centre site where in-person sessions take place.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Stable short code used by the scheduler ("strogino", "vdnkh").' }),
    name: t.exposeString("name"),
    address: t.exposeString("address"),
    opensMinute: t.exposeInt("opensMinute", { description: "Opening time, minutes after midnight." }),
    closesMinute: t.exposeInt("closesMinute", { description: "Closing time, minutes after midnight." }),
  }),
});

builder.queryField("sites", (t) =>
  t.prismaField({
    type: ["Site"],
    description: "Every site, by name.",
    resolve: (query, _root, _args, context) => context.prisma.site.findMany({ ...nonEmpty(query), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);

// Availability is private: these fields resolve only on the viewer's own record (`me`); on anyone
// else's they are null with a FORBIDDEN error. No operation takes a user id.
const viewerOnly = (user: { id: string }, _args: unknown, context: GraphQLContext) => user.id === context.viewer?.id;
const PRIVATE = "Only on the viewer's own record (`me`); null with a FORBIDDEN error elsewhere.";

builder.prismaObjectFields("User", (t) => ({
  availability: t.field({
    type: [AvailabilityWindowRef],
    nullable: true,
    description: `The weekly availability grid, normalised. ${PRIVATE}`,
    authScopes: viewerOnly,
    select: { availability: { select: windowSelect, orderBy: [...windowOrder] } },
    resolve: (user) => user.availability,
  }),
  preferredSites: t.field({
    type: [SiteRef],
    nullable: true,
    description: `Sites the user can come to for in-person sessions. ${PRIVATE}`,
    authScopes: viewerOnly,
    select: { preferredSites: { select: { site: true }, orderBy: { siteId: "asc" } } },
    resolve: (user) => user.preferredSites.map((preference) => preference.site),
  }),
  onlineOk: t.boolean({
    nullable: true,
    description: `Whether on-line sessions suit the user. ${PRIVATE}`,
    authScopes: viewerOnly,
    select: { onlineOk: true },
    resolve: (user) => user.onlineOk,
  }),
}));

const SetMyAvailabilityInput = builder.inputType("SetMyAvailabilityInput", {
  description: "The viewer's whole weekly availability; replaces the previous one atomically.",
  fields: (t) => ({
    windows: t.field({ type: [AvailabilityWindowInput], required: true, description: `At most ${AVAILABILITY_GRID.maxWindows} windows.` }),
    siteIds: t.idList({ required: true, description: "Preferred sites (Site ids from `sites`)." }),
    onlineOk: t.boolean({ required: true }),
  }),
  validate: z.object({
    windows: weeklyWindowsSchema,
    siteIds: z.array(z.string()).max(20),
    onlineOk: z.boolean(),
  }),
});

/** Site global ids → database ids; an unknown or foreign id is a ValidationError naming its index. */
async function resolveSiteIds(prisma: PrismaClient, globalIds: ReadonlyArray<string | number>): Promise<string[]> {
  const decoded = globalIds.map((globalId) => decodeNodeId("Site", String(globalId)));
  const known = new Set(
    (await prisma.site.findMany({ where: { id: { in: decoded.filter((id): id is string => id !== null) } }, select: { id: true } })).map((site) => site.id),
  );
  const errors = decoded.flatMap((id, index) => (id && known.has(id) ? [] : [new FieldError(["input", "siteIds", String(index)], "unknown site")]));
  if (errors.length) throw new ValidationError(errors);
  return [...new Set(decoded as string[])];
}

builder.mutationField("setMyAvailability", (t) =>
  t.prismaField({
    type: "User",
    description:
      "Replaces the viewer's weekly availability, preferred sites and on-line preference in one transaction. Adjacent windows of one strength are merged into maximal windows. Invalid input writes nothing.",
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SetMyAvailabilityInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const userId = context.viewer!.id;
      const siteIds = await resolveSiteIds(context.prisma, input.siteIds);
      const windows = normalizeWindows(input.windows);
      await context.prisma.$transaction([
        // Updating the user row first locks it, so two concurrent replacements run one after the other.
        context.prisma.user.update({ where: { id: userId }, data: { onlineOk: input.onlineOk }, select: { id: true } }),
        context.prisma.userAvailability.deleteMany({ where: { userId } }),
        context.prisma.userAvailability.createMany({ data: windows.map((window) => ({ userId, ...window })) }),
        context.prisma.userSitePreference.deleteMany({ where: { userId } }),
        context.prisma.userSitePreference.createMany({ data: siteIds.map((siteId) => ({ userId, siteId })) }),
      ]);
      await publishVoterDemandChanged(context, userId);
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: userId } });
    },
  }),
);
