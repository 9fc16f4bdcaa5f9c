import type { TopicStatus } from "../prisma/generated/enums";
import { builder } from "./builder";
import { nonEmpty } from "./prisma-query";
import { TopicStatusEnum } from "./topic-enums";

/** What ModerationAction.details holds, by kind (facts only; clients phrase them). */
type ActionDetails = {
  fromStatus?: TopicStatus;
  toStatus?: TopicStatus;
  reason?: string;
  changes?: Array<{ field: string; from: string; to: string }>;
  deletedComment?: { commentId: string; authorId: string; excerpt: string };
  mergedIntoId?: string;
  mergedFromId?: string;
  movedVotes?: number;
  droppedVotes?: number;
  movedComments?: number;
};

const details = (value: unknown): ActionDetails =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as ActionDetails) : {};

const ModerationActionKindEnum = builder.enumType("ModerationActionKind", {
  values: {
    EDIT: { description: "Fields edited (changes), or a comment removed by a manager (deletedCommentExcerpt)." },
    STATUS_CHANGE: { description: "Status moved along the life cycle (fromStatus, toStatus)." },
    REJECT: { description: "Rejected (fromStatus, reason)." },
    REOPEN: { description: "A rejected topic reopened." },
    MERGE: { description: "On the merged topic: mergedInto; on the kept topic: mergedFrom. Both carry the moved counts." },
  } as const,
});

type FieldChangeShape = { field: string; from: string | null; to: string | null };
const TopicFieldChange = builder.objectRef<FieldChangeShape>("TopicFieldChange").implement({
  description: "One edited field: its EditTopicInput name and the values before and after, as strings.",
  fields: (t) => ({
    field: t.exposeString("field"),
    from: t.exposeString("from", { nullable: true }),
    to: t.exposeString("to", { nullable: true }),
  }),
});

builder.prismaNode("ModerationAction", {
  // node(id) of a deleted or never-existing ModerationAction answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "One moderation action on a topic: who did what, when. Visible to every signed-in user.",
  fields: (t) => ({
    kind: t.expose("kind", { type: ModerationActionKindEnum }),
    actor: t.relation("actor", { nullable: true, description: "The manager; null if their account was deleted." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    fromStatus: t.field({ type: TopicStatusEnum, nullable: true, resolve: (action) => details(action.details).fromStatus ?? null }),
    toStatus: t.field({ type: TopicStatusEnum, nullable: true, resolve: (action) => details(action.details).toStatus ?? null }),
    reason: t.string({ nullable: true, resolve: (action) => details(action.details).reason ?? null }),
    changes: t.field({
      type: [TopicFieldChange],
      resolve: (action) => details(action.details).changes ?? [],
    }),
    deletedCommentExcerpt: t.string({
      nullable: true,
      description: "The start of a comment a manager deleted (EDIT).",
      resolve: (action) => details(action.details).deletedComment?.excerpt ?? null,
    }),
    mergedInto: t.prismaField({
      type: "Topic",
      nullable: true,
      resolve: (query, action, _args, context) => {
        const id = details(action.details).mergedIntoId;
        return id ? context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id } }) : null;
      },
    }),
    mergedFrom: t.prismaField({
      type: "Topic",
      nullable: true,
      resolve: (query, action, _args, context) => {
        const id = details(action.details).mergedFromId;
        return id ? context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id } }) : null;
      },
    }),
    movedVoteCount: t.int({ nullable: true, resolve: (action) => details(action.details).movedVotes ?? null }),
    droppedVoteCount: t.int({ nullable: true, resolve: (action) => details(action.details).droppedVotes ?? null }),
    movedCommentCount: t.int({ nullable: true, resolve: (action) => details(action.details).movedComments ?? null }),
  }),
});

builder.prismaObjectFields("Topic", (t) => ({
  moderationLog: t.relation("moderation", {
    description: "Every moderation action on this topic, oldest first.",
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
  mergedFrom: t.relation("mergedFrom", {
    description: "Duplicates that were merged into this topic.",
    query: { orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }] },
  }),
}));
