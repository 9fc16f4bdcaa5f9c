import { encodeGlobalID } from "@pothos/plugin-relay";
import { filter, pipe } from "graphql-yoga";
import { builder } from "./builder";
import { publishDemandChanged } from "./demand-live";
import { nonEmpty } from "./prisma-query";
import type { GraphQLContext } from "./context";
import { NotFoundError, VotingClosedError } from "./errors";
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

const hasExactKeys = (value: unknown, keys: string[]): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) &&
  Object.keys(value).length === keys.length && keys.every((key) => key in value);

/** The selection `viewerHasVoted` asks Pothos for (graphql/topics.ts): the viewer's vote, if any. */
function isViewerVoteSelection(votes: unknown, viewerId: string): boolean {
  return hasExactKeys(votes, ["where", "take", "select"]) && votes.take === 1 &&
    hasExactKeys(votes.where, ["userId"]) && votes.where.userId === viewerId &&
    hasExactKeys(votes.select, ["id"]) && votes.select.id === true;
}

/**
 * After a change the statement's RETURNING row already holds every scalar of the topic, and the
 * viewer's vote is known, so when the client selected only scalars and viewerHasVoted (what the
 * web app asks for) the answer needs no second read. Any other selection (relations, counts, a
 * different shape) is loaded as usual.
 */
function rowFromChange(query: object, outcome: VoteOutcome, viewerId: string) {
  if (outcome.kind !== "changed") return null;
  const { include, select, ...rest } = query as { include?: Record<string, unknown>; select?: Record<string, unknown> };
  if (Object.keys(rest).length > 0) return null;
  if (select !== undefined && (include !== undefined || Object.keys(select).length > 0)) return null;
  if (include !== undefined) {
    const keys = Object.keys(include);
    if (keys.length > 1 || (keys.length === 1 && (keys[0] !== "votes" || !isViewerVoteSelection(include.votes, viewerId)))) {
      return null;
    }
  }
  return { ...outcome.topic, votes: outcome.voteId ? [{ id: outcome.voteId }] : [] };
}

function voteMutation(name: "vote" | "unvote", change: VoteChange, description: string) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Topic",
      description,
      errors: { types: [NotFoundError, VotingClosedError] },
      args: { topicId: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, context) => {
        const topicId = decodeTopicId(String(args.topicId));
        const outcome = topicId ? await change(context, topicId) : ({ kind: "missing" } as const);
        if (outcome.kind === "missing") throw new NotFoundError("Topic");
        if (outcome.kind === "closed") throw new VotingClosedError();
        if (outcome.kind === "changed") {
          context.pubsub.publish("topic:voteChanged", { topicId: topicId!, voteCount: outcome.voteCount, at: new Date() });
          publishDemandChanged(context, [topicId!]);
        }
        return rowFromChange(query, outcome, context.viewer!.id) ??
          context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: topicId! } });
      },
    }),
  );
}

voteMutation("vote", (context, topicId) => castVote(context.sql, context.viewer!.id, topicId),
  "Votes for a topic. Idempotent: voting twice keeps one vote.");
voteMutation("unvote", (context, topicId) => withdrawVote(context.sql, context.viewer!.id, topicId),
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
