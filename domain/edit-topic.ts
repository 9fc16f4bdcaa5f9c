import type { PrismaClient } from "../prisma/client";
import type { TopicBlock, TopicFormat } from "../prisma/generated/enums";

/** What a manager may edit; absent (undefined) fields stay as they are. */
export type TopicEdit = Partial<{
  title: string;
  description: string;
  audience: string;
  block: TopicBlock;
  format: TopicFormat;
  durationMinutes: number;
  minParticipants: number;
  maxParticipants: number;
}>;

export type FieldChange = { field: keyof TopicEdit; from: string; to: string };

export type EditOutcome =
  | { kind: "edited"; changes: FieldChange[] }
  | { kind: "missing" }
  | { kind: "merged" }
  | { kind: "invalid"; field: "minParticipants" | "maxParticipants"; message: string };

const EDITABLE = [
  "title", "description", "audience", "block", "format", "durationMinutes", "minParticipants", "maxParticipants",
] as const satisfies ReadonlyArray<keyof TopicEdit>;

/**
 * Locks the topic row, applies the fields that actually change, checks min ≤ max against the
 * resulting values (one side may come from the stored row), and records one EDIT ModerationAction
 * listing every change (from → to). Editing nothing writes nothing.
 */
export async function editTopic(prisma: PrismaClient, topicId: string, actorId: string, edit: TopicEdit): Promise<EditOutcome> {
  return prisma.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<Array<Required<TopicEdit> & { status: string }>>`
      SELECT "title", "description", "audience", "block", "format", "durationMinutes", "minParticipants", "maxParticipants", "status"
      FROM "Topic" WHERE "id" = ${topicId} FOR UPDATE`;
    if (!current) return { kind: "missing" } as const;
    if (current.status === "MERGED") return { kind: "merged" } as const;
    const min = edit.minParticipants ?? current.minParticipants;
    const max = edit.maxParticipants ?? current.maxParticipants;
    if (min > max) {
      const field = edit.maxParticipants !== undefined ? "maxParticipants" : "minParticipants";
      return { kind: "invalid", field, message: `must keep minParticipants (${min}) ≤ maxParticipants (${max})` } as const;
    }
    const changes: FieldChange[] = [];
    const data: TopicEdit = {};
    for (const field of EDITABLE) {
      const next = edit[field];
      if (next === undefined || next === current[field]) continue;
      changes.push({ field, from: String(current[field]), to: String(next) });
      Object.assign(data, { [field]: next });
    }
    if (changes.length === 0) return { kind: "edited", changes } as const;
    await tx.topic.update({ where: { id: topicId }, data });
    await tx.moderationAction.create({ data: { topicId, actorId, kind: "EDIT", details: { changes } } });
    return { kind: "edited", changes } as const;
  }, { maxWait: 10_000 });
}
