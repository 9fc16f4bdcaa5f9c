import { z } from "zod";
import { plainText } from "../domain/plain-text";
import { significantWords } from "../domain/significant-words";
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
      description:
        "0–1: the greatest of pg_trgm similarity(title, draft), word_similarity(draft, title) and the share of the draft's significant words found in the title (each found word counts its word_similarity(word, title), the others 0; 0 unless a distinctive word is found). Hints are ordered by the number of those words found first, so a later hint can score higher.",
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
      "Live duplicate hints while a title is typed: open topics (not merged or rejected) whose title is similar to the draft. Matched in PostgreSQL with pg_trgm, served by the trigram index: the whole draft (`title % draft` — similarity ≥ 0.3 — or `draft <% title` — word similarity ≥ 0.6), or any distinctive word of it (`word <% title` — word similarity ≥ 0.6, which tolerates Russian endings: выгорание ~ выгорания). The draft's significant words are at most 6 words of ≥ 4 letters that are not stop words; domain-common ones (работа, сотрудники, заявители, клиенты…) add to a match but never make one alone. Ordered by how many significant words the title contains, then score, then votes. Case-insensitive, works for Russian.",
    errors: { types: [ValidationError] },
    args: {
      title: t.arg.string({ required: true, validate: plainText(0, TOPIC_TITLE_LIMITS.max) }),
      first: t.arg.int({ defaultValue: 5, validate: z.number().int().min(1).max(20) }),
    },
    resolve: async (query, _root, args, context) => {
      const draft = args.title.trim();
      if (draft.length < MIN_DRAFT_LENGTH) return [];
      const { distinctive, common } = significantWords(draft);
      const words = [...distinctive, ...common];
      // Words are matched with pg_trgm rather than full-text search ('russian' stemming): trigrams
      // also match a word still being typed («выгор») and derived forms the stemmer keeps apart
      // (конфликты → конфликт, конфликтные → конфликтн), and the title's trigram index already
      // serves `title %> ANY(words)`. The lateral subquery only runs for the few candidate rows;
      // its filter keeps common words from counting for a topic that no distinctive word matched.
      const matches = await context.prisma.$queryRaw<{ id: string; score: number }[]>`
        SELECT t."id",
               greatest(similarity(t."title", ${draft}), word_similarity(${draft}, t."title"), found."share")::float8 AS "score"
        FROM "Topic" t
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE w."word" <% t."title") AS "words",
                 coalesce(sum(word_similarity(w."word", t."title")) FILTER (WHERE w."word" <% t."title"), 0)
                   / greatest(count(*), 1) AS "share"
          FROM unnest(${words}::text[]) AS w("word")
          WHERE t."title" %> ANY(${distinctive}::text[])
        ) found
        WHERE t."status" NOT IN ('MERGED', 'REJECTED')
          AND (t."title" % ${draft} OR ${draft} <% t."title" OR t."title" %> ANY(${distinctive}::text[]))
        ORDER BY found."words" DESC, "score" DESC, t."voteCount" DESC, t."id"
        LIMIT ${args.first ?? 5}`;
      const rank = new Map(matches.map((match, index) => [match.id, index]));
      const rows = await context.prisma.topic.findMany({ ...nonEmpty(query), where: { id: { in: [...rank.keys()] } } });
      return rows
        .map((row) => Object.assign(row, { score: matches[rank.get(row.id)!].score }))
        .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    },
  }),
);
