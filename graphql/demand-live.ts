import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { nonEmpty } from "./prisma-query";
import { throttleLatest } from "./throttle";
import { decodeTopicId } from "./topic-id";

/** How often one subscriber's heat map is recomputed at most while people vote and repaint. */
const DEMAND_REFRESH_MS = 1000;

/** After a commit that changed who can come when for these topics (votes, availability, narrowing). */
export function publishDemandChanged(context: Pick<GraphQLContext, "pubsub">, topicIds: Iterable<string>) {
  for (const topicId of topicIds) context.pubsub.publish("topic:demandChanged", topicId, { topicId });
}

/** A voter repainted their weekly availability: every topic they voted for has new demand. */
export async function publishVoterDemandChanged(context: Pick<GraphQLContext, "pubsub" | "prisma">, userId: string) {
  const votes = await context.prisma.vote.findMany({ where: { userId }, select: { topicId: true } });
  publishDemandChanged(context, votes.map((vote) => vote.topicId));
}

builder.subscriptionField("topicDemandChanged", (t) =>
  t.prismaField({
    type: "Topic",
    description:
      "The topic again whenever the demand picture may have changed (a vote, a voter's availability or narrowing), at most once a second: select demandHeatmap and votersWithoutAvailability to keep a heat map current.",
    args: { topicId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) =>
      throttleLatest(
        context.pubsub.subscribe("topic:demandChanged", decodeTopicId(String(args.topicId)) ?? "\u0000none"),
        DEMAND_REFRESH_MS,
      ),
    resolve: (query, event: { topicId: string }, _args, context) =>
      context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: event.topicId } }),
  }),
);
