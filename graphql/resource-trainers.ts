import { dateKey } from "../domain/centre-time";
import { daysOffSchema, trainerSchema, type TrainerWindow } from "../domain/resource-rules";
import { saveTrainer, setTrainerDaysOff } from "../domain/resource-trainers";
import { SiteRef } from "./availability";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";
import { idOf, parseInput, unwrap } from "./resource-errors";
import { TopicRef } from "./topics";

// A trainer's name is public (sessions show it); everything else is for managers: days off carry
// private reasons, and the rest is planning data. Those fields are null with FORBIDDEN for others.
const manager = { manager: true } as const;

const TrainerWindowRef = builder.objectRef<TrainerWindow>("TrainerAvailabilityWindow").implement({
  description: "A weekly window a trainer can teach in (Moscow wall clock); sorted, disjoint, adjacent windows merged.",
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after midnight, on the 30-minute grid (480 = 08:00)." }),
    endMinute: t.exposeInt("endMinute", { description: "Minutes after midnight, exclusive (1200 = 20:00)." }),
  }),
});

const TrainerDayOffRef = builder.objectRef<{ date: Date; reason: string }>("TrainerDayOff").implement({
  fields: (t) => ({
    date: t.string({ description: '"YYYY-MM-DD"', resolve: (day) => dateKey(day.date) }),
    reason: t.exposeString("reason"),
  }),
});

export const TrainerRef = builder.prismaNode("Trainer", {
  // node(id) of a deleted or never-existing Trainer answers null, not an error.
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    maxHoursPerWeek: t.int({ nullable: true, authScopes: manager, select: { maxHoursPerWeek: true }, resolve: (trainer) => trainer.maxHoursPerWeek }),
    user: t.relation("user", { nullable: true, authScopes: manager, description: "Manager: the trainer's own account, when linked." }),
    topics: t.field({
      type: [TopicRef],
      nullable: true,
      authScopes: manager,
      description: "Manager: topics the trainer is qualified to teach, by title.",
      select: (_args, _context, nested) => ({ topics: { select: { topic: nested(true) }, orderBy: { topic: { title: "asc" } } } }),
      resolve: (trainer) => trainer.topics.map(({ topic }) => topic),
    }),
    sites: t.field({
      type: [SiteRef],
      nullable: true,
      authScopes: manager,
      description: "Manager: sites the trainer teaches at, by name.",
      select: (_args, _context, nested) => ({ sites: { select: { site: nested(true) }, orderBy: { site: { name: "asc" } } } }),
      resolve: (trainer) => trainer.sites.map(({ site }) => site),
    }),
    availability: t.field({
      type: [TrainerWindowRef],
      nullable: true,
      authScopes: manager,
      description: "Manager: the weekly windows the trainer can teach in.",
      select: { availability: { select: { weekday: true, startMinute: true, endMinute: true }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] } },
      resolve: (trainer) => trainer.availability,
    }),
    daysOff: t.field({
      type: [TrainerDayOffRef],
      nullable: true,
      authScopes: manager,
      description: "Manager: whole days the trainer cannot teach, by date.",
      select: { daysOff: { select: { date: true, reason: true }, orderBy: { date: "asc" } } },
      resolve: (trainer) => trainer.daysOff,
    }),
  }),
});

builder.queryField("trainers", (t) =>
  t.prismaField({
    type: [TrainerRef],
    description: "Manager: every trainer, by name.",
    authScopes: manager,
    resolve: (query, _root, _args, context) => context.prisma.trainer.findMany({ ...nonEmpty(query), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);

builder.queryField("trainer", (t) =>
  t.prismaField({
    type: TrainerRef,
    nullable: true,
    description: "Manager: one trainer by id.",
    authScopes: manager,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = decodeNodeId("Trainer", String(args.id));
      return id ? context.prisma.trainer.findUnique({ ...nonEmpty(query), where: { id } }) : null;
    },
  }),
);

builder.queryField("qualificationTopics", (t) =>
  t.prismaField({
    type: [TopicRef],
    description:
      "Manager: the topics to offer a trainer's qualifications from, by title: every topic neither merged nor " +
      "rejected, and with trainerId also the ones that trainer already holds (so a form never drops them unseen).",
    authScopes: manager,
    args: { trainerId: t.arg.id({ required: false }) },
    resolve: (query, _root, args, context) => {
      const trainerId = args.trainerId ? decodeNodeId("Trainer", String(args.trainerId)) : null;
      const held = trainerId ? [{ status: { not: "MERGED" as const }, trainers: { some: { trainerId } } }] : [];
      return context.prisma.topic.findMany({
        ...nonEmpty(query),
        where: { OR: [{ status: { notIn: ["MERGED", "REJECTED"] } }, ...held] },
        orderBy: [{ title: "asc" }, { id: "asc" }],
      });
    },
  }),
);

const TrainerWindowInput = builder.inputType("TrainerAvailabilityWindowInput", {
  fields: (t) => ({
    weekday: t.int({ required: true }),
    startMinute: t.int({ required: true }),
    endMinute: t.int({ required: true }),
  }),
});

const TrainerInput = builder.inputType("TrainerInput", {
  description:
    "Every field of a trainer (an update replaces them all but userEmail, which it keeps when omitted). name 2–100 characters; maxHoursPerWeek 1–60; topicIds: Topic ids; siteIds: at least one Site id; availability: weekday 1–7, minutes on the 30-minute grid within 08:00–20:00, start < end, no overlaps on one weekday (adjacent windows are merged).",
  fields: (t) => ({
    name: t.string({ required: true }),
    maxHoursPerWeek: t.int({ required: true }),
    topicIds: t.idList({ required: true }),
    siteIds: t.idList({ required: true }),
    availability: t.field({ type: [TrainerWindowInput], required: true }),
    userEmail: t.string({
      description:
        "The e-mail of the trainer's own account (to mark attendance): omitted keeps the current link, null or \"\" removes it. An unknown e-mail, or an account linked to another trainer, is a field error. A STAFF account becomes TRAINER.",
    }),
  }),
});

const trainerFields = (input: typeof TrainerInput.$inferInput) => {
  const fields = parseInput(trainerSchema, input, ["input"]);
  return { ...fields, topicIds: fields.topicIds.map((id) => idOf("Topic", id)), siteIds: fields.siteIds.map((id) => idOf("Site", id)) };
};

/** Linking an account can make it a TRAINER: its cached sessions must see the new role at once. */
async function forgetLinkedViewer(context: GraphQLContext, trainerId: string) {
  const trainer = await context.prisma.trainer.findUnique({ where: { id: trainerId }, select: { userId: true } });
  if (trainer?.userId) context.viewers.forget(trainer.userId);
}

builder.mutationField("createTrainer", (t) =>
  t.prismaField({
    type: TrainerRef,
    description: "Manager: adds a trainer.",
    authScopes: manager,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: TrainerInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const { id } = unwrap(await saveTrainer(context.prisma, null, trainerFields(args.input)), "Trainer", ["input"]);
      await forgetLinkedViewer(context, id);
      return context.prisma.trainer.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateTrainer", (t) =>
  t.prismaField({
    type: TrainerRef,
    description: "Manager: replaces a trainer's name, weekly hours, topics, sites and weekly availability in one transaction.",
    authScopes: manager,
    errors: { types: [ValidationError, NotFoundError] },
    args: { trainerId: t.arg.id({ required: true }), input: t.arg({ type: TrainerInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = trainerFields(args.input);
      const { id } = unwrap(await saveTrainer(context.prisma, idOf("Trainer", args.trainerId), fields), "Trainer", ["input"]);
      await forgetLinkedViewer(context, id);
      return context.prisma.trainer.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const TrainerDayOffInput = builder.inputType("TrainerDayOffInput", {
  fields: (t) => ({
    date: t.string({ required: true, description: '"YYYY-MM-DD", a calendar date.' }),
    reason: t.string({ description: "Up to 200 characters (optional)." }),
  }),
});

builder.mutationField("setTrainerDaysOff", (t) =>
  t.prismaField({
    type: TrainerRef,
    description:
      "Manager: replaces the trainer's days off (at most 366, each date once). A day off on which the trainer teaches a scheduled session is refused, naming that day.",
    authScopes: manager,
    errors: { types: [ValidationError, NotFoundError] },
    args: { trainerId: t.arg.id({ required: true }), daysOff: t.arg({ type: [TrainerDayOffInput], required: true }) },
    resolve: async (query, _root, args, context) => {
      const days = parseInput(daysOffSchema, args.daysOff, ["daysOff"]);
      const { id } = unwrap(await setTrainerDaysOff(context.prisma, idOf("Trainer", args.trainerId), days), "Trainer", []);
      return context.prisma.trainer.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
