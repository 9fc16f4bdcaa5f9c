import { z } from "zod";
import { editTopic } from "../domain/edit-topic";
import { mergeTopics } from "../domain/merge-topics";
import { plainText } from "../domain/plain-text";
import { builder } from "./builder";
import { FieldError, NotFoundError, ValidationError } from "./errors";
import { ConflictError } from "./moderation-errors";
import { nonEmpty } from "./prisma-query";
import { TopicBlockEnum, TopicFormatEnum } from "./topic-enums";
import { decodeTopicId } from "./topic-id";
import { validationErrorFromIssues } from "./validation-error";
import { TOPIC_AUDIENCE_MAX, TOPIC_DESCRIPTION_LIMITS, TOPIC_TITLE_LIMITS } from "./topics";

export const DURATION_LIMITS = { min: 30, max: 480, step: 30 } as const;
export const PARTICIPANT_LIMITS = { min: 1, max: 1000 } as const;

const TopicBlockSchema = z.enum(["SERVICE_DELIVERY", "SERVICE_CULTURE"]);
const TopicFormatSchema = z.enum(["TRAINING", "SEMINAR", "ROUND_TABLE", "WEBINAR", "DISTANCE"]);

// Validated in the resolver, not by the validation plugin: the plugin runs before field-level
// authorisation, and staff must get FORBIDDEN rather than a manager form's validation details.
const EditTopicSchema = z
  .object({
    title: plainText(TOPIC_TITLE_LIMITS.min, TOPIC_TITLE_LIMITS.max).nullish(),
    description: plainText(TOPIC_DESCRIPTION_LIMITS.min, TOPIC_DESCRIPTION_LIMITS.max).nullish(),
    audience: plainText(0, TOPIC_AUDIENCE_MAX).nullish(),
    block: TopicBlockSchema.nullish(),
    format: TopicFormatSchema.nullish(),
    durationMinutes: z.number().int().min(DURATION_LIMITS.min).max(DURATION_LIMITS.max).multipleOf(DURATION_LIMITS.step).nullish(),
    minParticipants: z.number().int().min(PARTICIPANT_LIMITS.min).max(PARTICIPANT_LIMITS.max).nullish(),
    maxParticipants: z.number().int().min(PARTICIPANT_LIMITS.min).max(PARTICIPANT_LIMITS.max).nullish(),
  })
  .refine((input) => input.minParticipants == null || input.maxParticipants == null || input.minParticipants <= input.maxParticipants, {
    path: ["maxParticipants"],
    message: "must be greater than or equal to minParticipants",
  });

const EditTopicInput = builder.inputType("EditTopicInput", {
  description: "Fields to change; omitted or null fields keep their value.",
  fields: (t) => ({
    title: t.string(),
    description: t.string(),
    audience: t.string({ description: "Empty string clears it." }),
    block: t.field({ type: TopicBlockEnum }),
    format: t.field({ type: TopicFormatEnum }),
    durationMinutes: t.int({ description: "A multiple of 30 between 30 and 480." }),
    minParticipants: t.int(),
    maxParticipants: t.int({ description: "Must be ≥ minParticipants (the new or the stored one)." }),
  }),
});

builder.mutationField("editTopic", (t) =>
  t.prismaField({
    type: "Topic",
    description: "Manager: edits a topic's fields; every change (from → to) is recorded in its moderation log.",
    authScopes: { manager: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { topicId: t.arg.id({ required: true }), input: t.arg({ type: EditTopicInput, required: true }) },
    resolve: async (query, _root, { topicId: rawId, input }, context) => {
      const parsed = EditTopicSchema.safeParse(input);
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["input"]);
      const topicId = decodeTopicId(String(rawId));
      if (!topicId) throw new NotFoundError("Topic");
      const edit = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value != null));
      const outcome = await editTopic(context.prisma, topicId, context.viewer!.id, edit);
      if (outcome.kind === "missing") throw new NotFoundError("Topic");
      if (outcome.kind === "merged") throw new ConflictError("TOPIC_MERGED", "The topic was merged; edit the topic it was merged into");
      if (outcome.kind === "invalid") throw new ValidationError([new FieldError(["input", outcome.field], outcome.message)]);
      return context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: topicId } });
    },
  }),
);

type MergeResult = { sourceId: string; targetId: string; movedVotes: number; droppedVotes: number; movedComments: number };

const MergeTopicsPayload = builder.objectRef<MergeResult>("MergeTopicsPayload").implement({
  description: "The outcome of a merge.",
  fields: (t) => ({
    source: t.prismaField({
      type: "Topic",
      description: "The merged duplicate (now MERGED, no votes).",
      resolve: (query, result, _args, context) => context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: result.sourceId } }),
    }),
    target: t.prismaField({
      type: "Topic",
      description: "The kept topic, with the votes and comments.",
      resolve: (query, result, _args, context) => context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: result.targetId } }),
    }),
    movedVoteCount: t.int({ description: "Votes moved to the target.", resolve: (result) => result.movedVotes }),
    droppedVoteCount: t.int({
      description: "Source votes of users who had also voted for the target (they keep their one target vote).",
      resolve: (result) => result.droppedVotes,
    }),
    movedCommentCount: t.int({ resolve: (result) => result.movedComments }),
  }),
});

builder.mutationField("mergeTopics", (t) =>
  t.field({
    type: MergeTopicsPayload,
    description:
      "Manager: merges a duplicate (source) into the topic to keep (target). Votes, per-vote availability and comments " +
      "move to the target; a user who voted for both keeps one vote (with the target vote's availability narrowing, or the " +
      "source's if the target vote had none). Source voters get a TOPIC_MERGED notification. Refuses merging a topic into " +
      "itself, a merged topic, or into a merged topic (ConflictError).",
    authScopes: { manager: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: { sourceId: t.arg.id({ required: true }), targetId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const sourceId = decodeTopicId(String(args.sourceId));
      const targetId = decodeTopicId(String(args.targetId));
      if (!sourceId || !targetId) throw new NotFoundError("Topic");
      const outcome = await mergeTopics(context.prisma, { sourceId, targetId, actorId: context.viewer!.id });
      if (outcome.kind === "missing") throw new NotFoundError("Topic");
      if (outcome.kind === "conflict") throw new ConflictError(outcome.code, CONFLICT_MESSAGES[outcome.code]);
      // After commit: counts, the status change, then every former source voter's notification.
      context.pubsub.publish("topic:voteChanged", { topicId: targetId, voteCount: outcome.targetVoteCount });
      context.pubsub.publish("topic:voteChanged", { topicId: sourceId, voteCount: outcome.sourceVoteCount });
      context.pubsub.publish("topic:statusChanged", { topicId: sourceId, fromStatus: outcome.fromStatus, toStatus: "MERGED" });
      for (const notification of outcome.notifications) {
        context.pubsub.publish("notification:added", notification.userId, { notificationId: notification.id });
      }
      return { sourceId, targetId, movedVotes: outcome.movedVotes, droppedVotes: outcome.droppedVotes, movedComments: outcome.movedComments };
    },
  }),
);

const CONFLICT_MESSAGES = {
  SAME_TOPIC: "A topic cannot be merged into itself",
  SOURCE_MERGED: "That topic has already been merged",
  TARGET_MERGED: "The topic to keep has itself been merged; merge into the topic it was merged into",
} as const;

