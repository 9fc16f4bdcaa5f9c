import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { inOrder, pageOfIds, splitPageQuery } from "./ordered-page";
import { nonEmpty } from "./prisma-query";

const viewerOnly = (user: { id: string }, _args: unknown, context: GraphQLContext) => user.id === context.viewer?.id;

builder.prismaObjectFields("User", (t) => ({
  // Authors are public (shown on every topic), so anyone may list a user's suggestions.
  suggestedTopics: t.relatedConnection("topics", {
    description: "Topics this user suggested, newest first (every status, merged and rejected included).",
    cursor: "id",
    totalCount: true,
    query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  }),
  votedTopics: t.prismaConnection(
    {
      type: "Topic",
      cursor: "id",
      nullable: true,
      defaultSize: 20,
      maxSize: 100,
      description:
        "Topics the user voted for, most recent vote first. Only on the viewer's own record (`me`); null with a FORBIDDEN error elsewhere.",
      authScopes: viewerOnly,
      // The user's vote ids in vote order (one small query: a person's own votes), then the page.
      resolve: async (query, user, _args, context) => {
        const votes = await context.prisma.vote.findMany({
          where: { userId: user.id },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { topicId: true },
        });
        const { page, selection } = splitPageQuery(nonEmpty(query));
        const ids = pageOfIds(votes.map((vote) => vote.topicId), page);
        return inOrder(ids, await context.prisma.topic.findMany({ ...selection, where: { id: { in: ids } } }));
      },
      totalCount: (user, _args, context) => context.prisma.vote.count({ where: { userId: user.id } }),
    },
    {},
    {},
  ),
}));
