import { encodeGlobalID } from "@pothos/plugin-relay";
import { filter, pipe } from "graphql-yoga";
import { changeTopicStatus, type StatusChangeRequest } from "../domain/change-topic-status";
import { plainText } from "../domain/plain-text";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { ForbiddenTransitionError } from "./moderation-errors";
import { nonEmpty } from "./prisma-query";
import type { TopicStatusChangeEvent } from "./pubsub";
import { TopicStatusEnum } from "./topic-enums";
import { decodeTopicId } from "./topic-id";
import { validationErrorFromIssues } from "./validation-error";

export const REJECTION_REASON_LIMITS = { min: 3, max: 1000 } as const;

builder.prismaObjectFields("Topic", (t) => ({
  statusChangedAt: t.expose("statusChangedAt", { type: "DateTime", description: "When the status last changed." }),
  rejectionReason: t.exposeString("rejectionReason", {
    nullable: true,
    description: "Why a manager rejected the topic (status REJECTED); plain text.",
  }),
  mergedInto: t.relation("mergedInto", { nullable: true, description: "The topic this one was merged into (status MERGED)." }),
}));

const TopicStatusChangeRef = builder.objectRef<TopicStatusChangeEvent>("TopicStatusChange").implement({
  description: "A committed change of a topic's status.",
  fields: (t) => ({
    topicId: t.id({ resolve: (change) => encodeGlobalID("Topic", change.topicId) }),
    fromStatus: t.field({ type: TopicStatusEnum, resolve: (change) => change.fromStatus }),
    toStatus: t.field({ type: TopicStatusEnum, resolve: (change) => change.toStatus }),
    topic: t.prismaField({
      type: "Topic",
      description: "The topic as it is now.",
      resolve: async (query, change, _args, context) => {
        const topic = await context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id: change.topicId } });
        if (!topic) throw new NotFoundError("Topic");
        return topic;
      },
    }),
  }),
});

/** Runs a status change and, after it commits, publishes the change and every voter's notification. */
async function runStatusChange(context: GraphQLContext, request: Omit<StatusChangeRequest, "actorId">) {
  const outcome = await changeTopicStatus(context.prisma, { ...request, actorId: context.viewer!.id });
  if (outcome.kind === "missing") throw new NotFoundError("Topic");
  if (outcome.kind === "refused") {
    throw new ForbiddenTransitionError(outcome.fromStatus, request.to, outcome.reason, outcome.allowed);
  }
  if (outcome.kind === "changed") {
    context.pubsub.publish("topic:statusChanged", {
      topicId: request.topicId,
      fromStatus: outcome.fromStatus,
      toStatus: outcome.toStatus,
    });
    for (const notification of outcome.notifications) {
      context.pubsub.publish("notification:added", notification.userId, { notificationId: notification.id });
    }
  }
}

const reasonSchema = plainText(REJECTION_REASON_LIMITS.min, REJECTION_REASON_LIMITS.max);

type StatusArgs = { topicId: string | number; status?: "NEW" | "OPEN" | "PLANNED" | "SCHEDULED" | "DONE" | "REJECTED" | "MERGED"; reason?: string };

function statusMutation(
  name: "setTopicStatus" | "rejectTopic" | "reopenTopic",
  description: string,
  toRequest: (args: StatusArgs) => Omit<StatusChangeRequest, "actorId" | "topicId">,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Topic",
      description,
      authScopes: { manager: true },
      errors: { types: [NotFoundError, ForbiddenTransitionError, ValidationError] },
      args: {
        topicId: t.arg.id({ required: true }),
        ...(name === "setTopicStatus" ? { status: t.arg({ type: TopicStatusEnum, required: true }) } : {}),
        ...(name === "rejectTopic"
          ? { reason: t.arg.string({ required: true, description: "Shown to voters; trimmed, 3–1000 characters." }) }
          : {}),
      },
      resolve: async (query, _root, args, context) => {
        const statusArgs = { ...args } as StatusArgs;
        // Validated here, after field authorisation, so staff get FORBIDDEN rather than validation details.
        if (name === "rejectTopic") {
          const parsed = reasonSchema.safeParse(statusArgs.reason);
          if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["reason"]);
          statusArgs.reason = parsed.data;
        }
        const topicId = decodeTopicId(String(args.topicId));
        if (!topicId) throw new NotFoundError("Topic");
        await runStatusChange(context, { topicId, ...toRequest(statusArgs) });
        return context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: topicId } });
      },
    }),
  );
}

statusMutation(
  "setTopicStatus",
  "Manager: moves a topic along NEW → OPEN → PLANNED → SCHEDULED → DONE (or one step back from PLANNED/SCHEDULED; " +
    "REJECTED → OPEN reopens). Rejecting needs rejectTopic, merging mergeTopics. Asking for the current status is a no-op. " +
    "Voters get a TOPIC_STATUS_CHANGED notification.",
  (args) => ({ to: args.status!, via: "setStatus" }),
);
statusMutation(
  "rejectTopic",
  "Manager: rejects a topic with a reason shown to its voters (from NEW, OPEN, PLANNED or SCHEDULED).",
  (args) => ({ to: "REJECTED", via: "reject", reason: args.reason }),
);
statusMutation(
  "reopenTopic",
  "Manager: reopens a rejected topic (REJECTED → OPEN); the rejection reason is cleared.",
  () => ({ to: "OPEN", via: "reopen" }),
);

builder.subscriptionField("topicStatusChanged", (t) =>
  t.field({
    type: TopicStatusChangeRef,
    description: "Status changes (including rejections, reopens and merges); pass topicId to follow one topic.",
    args: { topicId: t.arg.id() },
    subscribe: (_root, args, context) => {
      const events = context.pubsub.subscribe("topic:statusChanged");
      if (args.topicId == null) return events;
      const only = decodeTopicId(String(args.topicId));
      return pipe(events, filter((event) => event.topicId === only));
    },
    resolve: (event) => event,
  }),
);
