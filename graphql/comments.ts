import { encodeGlobalID } from "@pothos/plugin-relay";
import { excerpt, type NotificationPayload } from "../domain/notification-facts";
import { plainText } from "../domain/plain-text";
import { builder } from "./builder";
import { NotFoundError, ValidationError } from "./errors";
import { ConflictError, ForbiddenError } from "./moderation-errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";
import { decodeTopicId } from "./topic-id";

export const COMMENT_BODY_LIMITS = { min: 1, max: 2000 } as const;

/** Plain text in, plain text out; NUL cannot be stored in PostgreSQL text, so it is refused here. */
export const commentBodySchema = plainText(COMMENT_BODY_LIMITS.min, COMMENT_BODY_LIMITS.max);

const isManager = (role: string | undefined) => role === "MANAGER" || role === "ADMIN";

builder.prismaNode("Comment", {
  // node(id) of a deleted or never-existing Comment answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A comment on a topic. `body` is plain text as typed: render it as text, never as HTML.",
  fields: (t) => ({
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    author: t.relation("author"),
    topic: t.relation("topic"),
    viewerCanDelete: t.boolean({
      description: "The viewer wrote it, or is a manager.",
      resolve: (comment, _args, context) => comment.authorId === context.viewer?.id || isManager(context.viewer?.role),
    }),
  }),
});

builder.prismaObjectFields("Topic", (t) => ({
  comments: t.relatedConnection("comments", {
    description: "Comments, oldest first. totalCount is the number of comments.",
    cursor: "id",
    totalCount: true,
    defaultSize: 50,
    maxSize: 200,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
}));

builder.mutationField("addComment", (t) =>
  t.prismaField({
    type: "Comment",
    description:
      "Comments on a topic as the viewer. The body is trimmed and must be 1–2000 characters; it is stored " +
      "and returned as plain text. The topic's author (unless it is the commenter) gets a TOPIC_COMMENTED notification.",
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: {
      topicId: t.arg.id({ required: true }),
      body: t.arg.string({ required: true, validate: commentBodySchema }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = context.viewer!;
      const topicId = decodeTopicId(String(args.topicId));
      if (!topicId) throw new NotFoundError("Topic");
      const created = await context.prisma.$transaction(async (tx) => {
        // FOR SHARE: a concurrent merge (FOR UPDATE) waits for this comment and then moves it too.
        const [topic] = await tx.$queryRaw<{ status: string; authorId: string | null }[]>`
          SELECT "status", "authorId" FROM "Topic" WHERE "id" = ${topicId} FOR SHARE`;
        if (!topic) throw new NotFoundError("Topic");
        if (topic.status === "MERGED") throw new ConflictError("TOPIC_MERGED", "The topic was merged; comment on the topic it was merged into");
        const comment = await tx.comment.create({ data: { topicId, authorId: viewer.id, body: args.body }, select: { id: true } });
        if (!topic.authorId || topic.authorId === viewer.id) return { comment, notification: null };
        const payload: NotificationPayload = { commentId: comment.id, excerpt: excerpt(args.body), actorId: viewer.id };
        const notification = await tx.notification.create({
          data: { userId: topic.authorId, kind: "TOPIC_COMMENTED", topicId, payload },
          select: { id: true, userId: true },
        });
        return { comment, notification };
      }, { maxWait: 10_000 });
      context.pubsub.publish("topic:commentAdded", topicId, { commentId: created.comment.id });
      if (created.notification) {
        context.pubsub.publish("notification:added", created.notification.userId, { notificationId: created.notification.id });
      }
      return context.prisma.comment.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.comment.id } });
    },
  }),
);

builder.mutationField("deleteComment", (t) =>
  t.id({
    description:
      "Deletes a comment: its author may delete it, and so may a manager (recorded in the topic's moderation log). " +
      "Returns the deleted comment's id.",
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { commentId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer!;
      const commentId = decodeNodeId("Comment", String(args.commentId));
      const comment = commentId
        ? await context.prisma.comment.findUnique({ where: { id: commentId }, select: { id: true, topicId: true, authorId: true, body: true } })
        : null;
      if (!comment) throw new NotFoundError("Comment");
      const own = comment.authorId === viewer.id;
      if (!own && !isManager(viewer.role)) throw new ForbiddenError("Only the author or a manager can delete a comment");
      await context.prisma.$transaction(async (tx) => {
        const { count } = await tx.comment.deleteMany({ where: { id: comment.id } });
        if (count === 0) throw new NotFoundError("Comment");
        if (!own) {
          await tx.moderationAction.create({
            data: {
              topicId: comment.topicId,
              actorId: viewer.id,
              kind: "EDIT",
              details: { deletedComment: { commentId: comment.id, authorId: comment.authorId, excerpt: excerpt(comment.body) } },
            },
          });
        }
      });
      context.pubsub.publish("topic:commentDeleted", comment.topicId, { commentId: comment.id });
      return encodeGlobalID("Comment", comment.id);
    },
  }),
);

builder.subscriptionField("commentAdded", (t) =>
  t.prismaField({
    type: "Comment",
    description: "New comments on one topic, as they are added.",
    args: { topicId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) =>
      context.pubsub.subscribe("topic:commentAdded", decodeTopicId(String(args.topicId)) ?? "\u0000none"),
    resolve: async (query, event: { commentId: string }, _args, context) => {
      const comment = await context.prisma.comment.findUnique({ ...nonEmpty(query), where: { id: event.commentId } });
      if (!comment) throw new NotFoundError("Comment");
      return comment;
    },
  }),
);

builder.subscriptionField("commentDeleted", (t) =>
  t.id({
    description: "Ids of comments deleted from one topic, so open pages can drop them.",
    args: { topicId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) =>
      context.pubsub.subscribe("topic:commentDeleted", decodeTopicId(String(args.topicId)) ?? "\u0000none"),
    resolve: (event: { commentId: string }) => encodeGlobalID("Comment", event.commentId),
  }),
);
