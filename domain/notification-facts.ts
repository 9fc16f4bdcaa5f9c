import type { TopicStatus } from "../prisma/generated/enums";

/**
 * What a notification's `payload` holds: facts, never sentences, so the client renders them in the
 * reader's locale. Every field is optional; which ones are set depends on the notification kind.
 * - TOPIC_STATUS_CHANGED: fromStatus, toStatus, reason (rejections), actorId
 * - TOPIC_MERGED: fromStatus (of the merged topic), mergedIntoId, actorId
 * - TOPIC_COMMENTED: commentId, excerpt, actorId (the commenter)
 */
export type NotificationPayload = {
  fromStatus?: TopicStatus;
  toStatus?: TopicStatus;
  reason?: string;
  mergedIntoId?: string;
  commentId?: string;
  excerpt?: string;
  actorId?: string;
};

export const EXCERPT_LENGTH = 140;

/** The first characters of a text on one line, cut at a code point boundary, with an ellipsis if cut. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= length ? flat : `${chars.slice(0, length - 1).join("").trimEnd()}…`;
}

/** Reads a stored payload defensively (rows written by older code may lack fields). */
export function readPayload(value: unknown): NotificationPayload {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as NotificationPayload) : {};
}
