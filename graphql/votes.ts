import { encodeGlobalID } from "@pothos/plugin-relay";
import { filter, pipe } from "graphql-yoga";
import { builder } from "./builder";
import { nonEmpty } from "./prisma-query";
import type { GraphQLContext } from "./context";
import { NotFoundError } from "./errors";
import type { TopicVoteChange } from "./pubsub";
import { decodeTopicId } from "./topic-id";
import { castVote, withdrawVote, type VoteOutcome } from "./vote-store";

const TopicVoteChangeRef = builder.objectRef<TopicVoteChange>("TopicVoteChange").implement({
  description: "A topic's vote count after a vote or unvote.",
  fields: (t) => ({
    topicId: t.id({ resolve: (change) => encodeGlobalID("Topic", change.topicId) }),
    voteCount: t.exposeInt("voteCount"),
  }),
});

type VoteChange = (context: GraphQLContext, topicId: string) => Promise<VoteOutcome>;

function voteMutation(name: "vote" | "unvote", change: VoteChange, description: string) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Topic",
      description,
      errors: { types: [NotFoundError] },
      args: { topicId: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, context) => {
        const topicId = decodeTopicId(String(args.topicId));
        const outcome = topicId ? await change(context, topicId) : ({ kind: "missing" } as const);
        if (outcome.kind === "missing") throw new NotFoundError("Topic");
        if (outcome.kind === "changed") {
          context.pubsub.publish("topic:voteChanged", { topicId: topicId!, voteCount: outcome.voteCount });
        }
        return context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: topicId! } });
      },
    }),
  );
}

voteMutation("vote", (context, topicId) => castVote(context.prisma, context.viewer!.id, topicId),
  "Votes for a topic. Idempotent: voting twice keeps one vote.");
voteMutation("unvote", (context, topicId) => withdrawVote(context.prisma, context.viewer!.id, topicId),
  "Withdraws the viewer's vote. Idempotent.");

builder.subscriptionField("topicVoteChanged", (t) =>
  t.field({
    type: TopicVoteChangeRef,
    description: "Vote counts as they change; pass topicId to follow a single topic.",
    args: { topicId: t.arg.id() },
    subscribe: (_root, args, context) => {
      const only = args.topicId ? decodeTopicId(String(args.topicId)) : null;
      const events = context.pubsub.subscribe("topic:voteChanged");
      return only ? pipe(events, filter((event) => event.topicId === only)) : events;
    },
    resolve: (event) => event,
  }),
);
