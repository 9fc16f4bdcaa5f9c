import { normalizeWindows, weeklyWindowsSchema } from "../domain/availability";
import { AvailabilityWindowInput, AvailabilityWindowRef, windowOrder, windowSelect } from "./availability";
import { builder } from "./builder";
import { publishDemandChanged } from "./demand-live";
import { ErrorInterface, NotFoundError, ValidationError } from "./errors";
import { nonEmpty } from "./prisma-query";
import { decodeTopicId } from "./topic-id";

/** Narrowing belongs to a vote: without one there is nothing to narrow. */
export class NotVotedError extends Error {
  constructor() {
    super("Vote for the topic first: availability can only be narrowed for a topic you voted for");
    this.name = "NotVotedError";
  }
}

builder.objectType(NotVotedError, {
  name: "NotVotedError",
  description: "The viewer has not voted for the topic.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotVotedError,
});

builder.prismaObjectFields("Topic", (t) => ({
  viewerVoteWindows: t.field({
    type: [AvailabilityWindowRef],
    nullable: true,
    description:
      "How the viewer narrowed their weekly availability for this topic (\"only Tuesday mornings\"); null when they did not vote or did not narrow. Their demand for the topic is their availability intersected with these windows.",
    // Same relation arguments as viewerHasVoted, so both merge into one selection for a whole page.
    select: (_args, context) => ({
      votes: {
        where: { userId: context.viewer?.id ?? "" },
        select: { id: true, windows: { select: windowSelect, orderBy: [...windowOrder] } },
        take: 1,
      },
    }),
    resolve: (topic) => (topic.votes[0]?.windows.length ? topic.votes[0].windows : null),
  }),
}));

builder.mutationField("setVoteWindows", (t) =>
  t.prismaField({
    type: "Topic",
    description:
      "Narrows the viewer's availability for one topic they voted for; null or [] removes the narrowing. Replaces the previous narrowing atomically; windows follow the rules of AvailabilityWindowInput. A narrowing window marked PREFERRED over general IF_NEED_BE time counts as IF_NEED_BE (the weaker wins).",
    errors: { types: [NotFoundError, NotVotedError, ValidationError] },
    args: {
      topicId: t.arg.id({ required: true }),
      windows: t.arg({ type: [AvailabilityWindowInput], validate: weeklyWindowsSchema.nullish() }),
    },
    resolve: async (query, _root, args, context) => {
      const topicId = decodeTopicId(String(args.topicId));
      const topic = topicId ? await context.prisma.topic.findUnique({ where: { id: topicId }, select: { status: true } }) : null;
      if (!topicId || !topic || topic.status === "MERGED") throw new NotFoundError("Topic");
      const windows = normalizeWindows(args.windows ?? []);
      const userId = context.viewer!.id;
      await context.prisma.$transaction(async (tx) => {
        // Locks the vote: an unvote or another narrowing of the same vote waits for this one.
        const [vote] = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Vote" WHERE "userId" = ${userId} AND "topicId" = ${topicId} FOR UPDATE`;
        if (!vote) throw new NotVotedError();
        await tx.voteWindow.deleteMany({ where: { voteId: vote.id } });
        if (windows.length) await tx.voteWindow.createMany({ data: windows.map((window) => ({ voteId: vote.id, ...window })) });
      });
      publishDemandChanged(context, [topicId]);
      return context.prisma.topic.findUniqueOrThrow({ ...nonEmpty(query), where: { id: topicId } });
    },
  }),
);
