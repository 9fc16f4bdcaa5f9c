import { z } from "zod";
import { plainText } from "../domain/plain-text";
import { builder } from "./builder";
import { ValidationError } from "./errors";
import { nonEmpty } from "./prisma-query";
import { TopicRef, TOPIC_TITLE_LIMITS } from "./topics";

type Scored = { score?: number };

const SimilarTopicRef = builder.prismaObject("Topic", {
  variant: "SimilarTopic",
  description: "An existing topic whose title resembles a draft title, with how closely.",
  fields: (t) => ({
    topic: t.variant(TopicRef),
    score: t.float({
      description: "0–1: the greater of pg_trgm similarity(title, draft) and word_similarity(draft, title).",
      resolve: (topic) => (topic as Scored).score ?? 0,
    }),
  }),
});

/** Drafts shorter than this match almost anything by word similarity: no hints for them. */
const MIN_DRAFT_LENGTH = 3;

builder.queryField("similarTopics", (t) =>
  t.prismaField({
    type: [SimilarTopicRef],
    description:
      "Live duplicate hints while a title is typed: open topics (not merged or rejected) whose title is similar to the draft, best first. Matched in PostgreSQL with pg_trgm (`title % draft` — similarity ≥ 0.3 — or `draft <% title` — word similarity ≥ 0.6 — both served by the trigram index). Case-insensitive, works for Russian.",
    errors: { types: [ValidationError] },
    args: {
      title: t.arg.string({ required: true, validate: plainText(0, TOPIC_TITLE_LIMITS.max) }),
      first: t.arg.int({ defaultValue: 5, validate: z.number().int().min(1).max(20) }),
    },
    resolve: async (query, _root, args, context) => {
      const draft = args.title.trim();
      if (draft.length < MIN_DRAFT_LENGTH) return [];
      const matches = await context.prisma.$queryRaw<{ id: string; score: number }[]>`
        SELECT t."id", greatest(similarity(t."title", ${draft}), word_similarity(${draft}, t."title"))::float8 AS "score"
        FROM "Topic" t
        WHERE t."status" NOT IN ('MERGED', 'REJECTED') AND (t."title" % ${draft} OR ${draft} <% t."title")
        ORDER BY "score" DESC, t."voteCount" DESC, t."id"
        LIMIT ${args.first ?? 5}`;
      const score = new Map(matches.map((match) => [match.id, match.score]));
      const rows = await context.prisma.topic.findMany({ ...nonEmpty(query), where: { id: { in: [...score.keys()] } } });
      return rows
        .map((row) => Object.assign(row, { score: score.get(row.id)! }))
        .sort((a, b) => b.score - a.score || matches.findIndex((m) => m.id === a.id) - matches.findIndex((m) => m.id === b.id));
    },
  }),
);
