import { z } from "zod";
import { readPayload } from "../domain/notification-facts";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { NotFoundError } from "./errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";
import { TopicStatusEnum } from "./topic-enums";

const NotificationKindEnum = builder.enumType("NotificationKind", {
  values: {
    TOPIC_STATUS_CHANGED: { description: "A topic the reader voted for or suggested changed status (fromStatus, toStatus, reason)." },
    TOPIC_MERGED: { description: "A topic the reader voted for or suggested was merged (topic = merged one, mergedInto = kept one)." },
    TOPIC_COMMENTED: { description: "Someone commented on the reader's topic (comment, commentExcerpt, actor)." },
    SESSION_SCHEDULED: { description: "A session of a topic the reader voted for was approved and can be booked (session)." },
    BOOKING_PROMOTED: { description: "The reader's waitlisted booking became a confirmed seat (session)." },
    SESSION_CANCELLED: { description: "A session the reader had booked was cancelled (session, reason)." },
  } as const,
});

// Users referenced from payloads resolve through findUnique, which Prisma batches per tick into one query.
builder.prismaNode("Notification", {
  // node(id) of a deleted or never-existing Notification answers null, not an error.
  nullable: true,
  id: { field: "id" },
  // Private however it is reached (node(id) included): only its recipient reads it.
  authScopes: (notification, context) => notification.userId === context.viewer?.id,
  description:
    "An in-app notification for the signed-in user. It carries facts (kind, statuses, reason, topics), " +
    "never sentences: clients phrase it in the reader's locale.",
  fields: (t) => ({
    kind: t.expose("kind", { type: NotificationKindEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    read: t.boolean({ resolve: (notification) => notification.readAt !== null }),
    topic: t.relation("topic", { nullable: true, description: "The topic it is about (for TOPIC_MERGED, the merged one)." }),
    fromStatus: t.field({
      type: TopicStatusEnum,
      nullable: true,
      resolve: (notification) => readPayload(notification.payload).fromStatus ?? null,
    }),
    toStatus: t.field({
      type: TopicStatusEnum,
      nullable: true,
      resolve: (notification) => readPayload(notification.payload).toStatus ?? null,
    }),
    reason: t.string({
      nullable: true,
      description: "Why the topic was rejected (TOPIC_STATUS_CHANGED to REJECTED) or the session cancelled (SESSION_CANCELLED).",
      resolve: (notification) => readPayload(notification.payload).reason ?? null,
    }),
    commentExcerpt: t.string({
      nullable: true,
      description: "The first characters of the comment, on one line (TOPIC_COMMENTED).",
      resolve: (notification) => readPayload(notification.payload).excerpt ?? null,
    }),
    comment: t.prismaField({
      type: "Comment",
      nullable: true,
      description: "The comment (TOPIC_COMMENTED); null once deleted.",
      resolve: (query, notification, _args, context) => {
        const id = readPayload(notification.payload).commentId;
        return id ? context.prisma.comment.findUnique({ ...nonEmpty(query), where: { id } }) : null;
      },
    }),
    mergedInto: t.prismaField({
      type: "Topic",
      nullable: true,
      description: "The topic the votes moved to (TOPIC_MERGED).",
      resolve: (query, notification, _args, context) => {
        const id = readPayload(notification.payload).mergedIntoId;
        return id ? context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id } }) : null;
      },
    }),
    actor: t.prismaField({
      type: "User",
      nullable: true,
      description: "Who caused it: the manager who changed the status or merged, or the commenter.",
      resolve: (query, notification, _args, context) => {
        const id = readPayload(notification.payload).actorId;
        return id ? context.prisma.user.findUnique({ ...nonEmpty(query), where: { id } }) : null;
      },
    }),
  }),
});

/** Notifications are private: these fields answer only on the viewer's own User (me). */
const ownRecordOnly = (user: { id: string }, _args: unknown, context: GraphQLContext) => user.id === context.viewer?.id;

builder.prismaObjectFields("User", (t) => ({
  notifications: t.relatedConnection("notifications", {
    description: "The viewer's notifications, newest first (only on `me`; FORBIDDEN on anyone else).",
    authScopes: ownRecordOnly,
    cursor: "id",
    totalCount: true,
    defaultSize: 20,
    maxSize: 100,
    args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
    query: (args) => ({
      where: args.unreadOnly ? { readAt: null } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
  unreadNotificationCount: t.relationCount("notifications", {
    description: "How many of the viewer's notifications are unread (only on `me`).",
    authScopes: ownRecordOnly,
    where: { readAt: null },
  }),
}));

const MAX_IDS = 500;

builder.mutationField("markNotificationsRead", (t) =>
  t.prismaField({
    type: ["Notification"],
    description:
      `Marks the given notifications (at most ${MAX_IDS}) as read. Ids that are not the viewer's own, or not ` +
      "notifications at all, are ignored; returns the viewer's notifications among the ids.",
    args: { ids: t.arg.idList({ required: true, validate: z.array(z.unknown()).max(MAX_IDS) }) },
    resolve: async (query, _root, args, context) => {
      const userId = context.viewer!.id;
      const ids = args.ids.map((id) => decodeNodeId("Notification", String(id))).filter((id): id is string => id !== null);
      if (ids.length === 0) return [];
      await context.prisma.notification.updateMany({
        where: { id: { in: ids }, userId, readAt: null },
        data: { readAt: new Date() },
      });
      return context.prisma.notification.findMany({
        ...nonEmpty(query),
        where: { id: { in: ids }, userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);

builder.mutationField("markAllNotificationsRead", (t) =>
  t.prismaField({
    type: "User",
    description: "Marks every unread notification of the viewer as read; returns the viewer (select unreadNotificationCount).",
    resolve: async (query, _root, _args, context) => {
      const userId = context.viewer!.id;
      await context.prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: userId } });
    },
  }),
);

builder.subscriptionField("notificationAdded", (t) =>
  t.prismaField({
    type: "Notification",
    description: "The viewer's own new notifications, live.",
    // Routed by the viewer's id: events for other users never reach this subscriber.
    subscribe: (_root, _args, context) => context.pubsub.subscribe("notification:added", context.viewer!.id),
    resolve: async (query, event: { notificationId: string }, _args, context) => {
      const notification = await context.prisma.notification.findFirst({
        ...nonEmpty(query),
        where: { id: event.notificationId, userId: context.viewer!.id },
      });
      if (!notification) throw new NotFoundError("Notification");
      return notification;
    },
  }),
);
