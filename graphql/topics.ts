import { z } from "zod";
import type { Prisma } from "../prisma/generated/client";
import { NUL_MESSAGE, plainText, withoutNul } from "../domain/plain-text";
import { builder } from "./builder";
import { nonEmpty } from "./prisma-query";
import { NotFoundError, ValidationError } from "./errors";
import { TopicBlockEnum, TopicFormatEnum, TopicOrderEnum, TopicStatusEnum } from "./topic-enums";
import { decodeTopicId } from "./topic-id";
import { findTrendingTopics } from "./trending";

export const TOPIC_TITLE_LIMITS = { min: 5, max: 120 } as const;
export const TOPIC_DESCRIPTION_LIMITS = { min: 10, max: 2000 } as const;
export const TOPIC_AUDIENCE_MAX = 300;

// Durations and group sizes by format until managers edit them (issue: moderation).
const FORMAT_DEFAULTS = {
  TRAINING: { durationMinutes: 240, minParticipants: 8, maxParticipants: 16 },
  SEMINAR: { durationMinutes: 120, minParticipants: 8, maxParticipants: 30 },
  ROUND_TABLE: { durationMinutes: 90, minParticipants: 6, maxParticipants: 14 },
  WEBINAR: { durationMinutes: 60, minParticipants: 5, maxParticipants: 100 },
  DISTANCE: { durationMinutes: 60, minParticipants: 1, maxParticipants: 200 },
} as const;

export const TopicRef = builder.prismaNode("Topic", {
  // node(id) of a deleted or never-existing Topic answers null, not an error.
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    audience: t.exposeString("audience", { description: "Who the topic is for (plain text; empty when not given)." }),
    block: t.expose("block", { type: TopicBlockEnum }),
    format: t.expose("format", { type: TopicFormatEnum }),
    status: t.expose("status", { type: TopicStatusEnum }),
    durationMinutes: t.exposeInt("durationMinutes"),
    minParticipants: t.exposeInt("minParticipants"),
    maxParticipants: t.exposeInt("maxParticipants"),
    voteCount: t.exposeInt("voteCount"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    author: t.relation("author", { nullable: true }),
    // Selected together with the topic (one batched query for a whole page), not per topic.
    viewerHasVoted: t.boolean({
      select: (_args, context) => ({
        votes: { where: { userId: context.viewer?.id ?? "" }, select: { id: true }, take: 1 },
      }),
      resolve: (topic) => topic.votes.length > 0,
    }),
  }),
});

const TopicFilter = builder.inputType("TopicFilter", {
  fields: (t) => ({
    block: t.field({ type: TopicBlockEnum }),
    format: t.field({ type: TopicFormatEnum }),
    status: t.field({ type: [TopicStatusEnum] }),
    search: t.string().validate(z.string().max(200).refine(withoutNul, { message: NUL_MESSAGE })),
  }),
});

function topicWhere(filter: typeof TopicFilter.$inferInput | null | undefined): Prisma.TopicWhereInput {
  const search = filter?.search?.trim();
  return {
    block: filter?.block ?? undefined,
    format: filter?.format ?? undefined,
    status: filter?.status?.length ? { in: filter.status } : { notIn: ["MERGED"] },
    ...(search
      ? {
          OR: [
            { title: { contains: search, mode: "insensitive" } },
            { description: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

builder.queryField("topics", (t) =>
  t.prismaConnection(
    {
      type: "Topic",
      cursor: "id",
      defaultSize: 20,
      maxSize: 100,
      args: {
        orderBy: t.arg({ type: TopicOrderEnum, defaultValue: "VOTES" }),
        filter: t.arg({ type: TopicFilter }),
      },
      resolve: (query, _root, args, context) =>
        args.orderBy === "TRENDING"
          ? findTrendingTopics(context.prisma, nonEmpty(query), topicWhere(args.filter))
          : context.prisma.topic.findMany({
              ...nonEmpty(query),
              where: topicWhere(args.filter),
              orderBy:
                args.orderBy === "NEWEST"
                  ? [{ createdAt: "desc" }, { id: "desc" }]
                  : [{ voteCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
            }),
      totalCount: (_connection, args, context) => context.prisma.topic.count({ where: topicWhere(args.filter) }),
    },
    {},
    {},
  ),
);

builder.queryField("topic", (t) =>
  t.prismaField({
    type: "Topic",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = decodeTopicId(String(args.id));
      return id ? context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id } }) : null;
    },
  }),
);

const SuggestTopicInput = builder.inputType("SuggestTopicInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    block: t.field({ type: TopicBlockEnum, required: true }),
    format: t.field({ type: TopicFormatEnum, required: true }),
    audience: t.string({ description: "Who the topic is for, in the author's words (optional, up to 300 characters)." }),
  }),
  // Validated as one object so a form learns about every bad field at once.
  validate: z.object({
    title: plainText(TOPIC_TITLE_LIMITS.min, TOPIC_TITLE_LIMITS.max),
    description: plainText(TOPIC_DESCRIPTION_LIMITS.min, TOPIC_DESCRIPTION_LIMITS.max),
    block: z.string(),
    format: z.string(),
    audience: plainText(0, TOPIC_AUDIENCE_MAX).nullish(),
  }),
});

builder.mutationField("suggestTopic", (t) =>
  t.prismaField({
    type: "Topic",
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SuggestTopicInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const topic = await context.prisma.topic.create({
        ...nonEmpty(query),
        data: {
          title: input.title,
          description: input.description,
          block: input.block,
          format: input.format,
          audience: input.audience ?? "",
          ...FORMAT_DEFAULTS[input.format],
          status: "NEW",
          authorId: context.viewer!.id,
        },
      });
      context.pubsub.publish("topic:suggested", { topicId: topic.id });
      return topic;
    },
  }),
);

builder.subscriptionField("topicSuggested", (t) =>
  t.prismaField({
    type: "Topic",
    description: "Every newly suggested topic.",
    subscribe: (_root, _args, context) => context.pubsub.subscribe("topic:suggested"),
    resolve: async (query, event: { topicId: string }, _args, context) => {
      const topic = await context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id: event.topicId } });
      if (!topic) throw new NotFoundError("Topic");
      return topic;
    },
  }),
);
