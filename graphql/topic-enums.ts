import { builder } from "./builder";

export const TopicBlockEnum = builder.enumType("TopicBlock", {
  values: ["SERVICE_DELIVERY", "SERVICE_CULTURE"] as const,
});
export const TopicFormatEnum = builder.enumType("TopicFormat", {
  values: ["TRAINING", "SEMINAR", "ROUND_TABLE", "WEBINAR", "DISTANCE"] as const,
});
export const TopicStatusEnum = builder.enumType("TopicStatus", {
  values: ["NEW", "OPEN", "PLANNED", "SCHEDULED", "DONE", "REJECTED", "MERGED"] as const,
});
export const TopicOrderEnum = builder.enumType("TopicOrder", {
  values: {
    VOTES: { description: "Most votes first" },
    NEWEST: { description: "Newest first" },
    TRENDING: { description: "Most votes in the last 7 days first (Topic.votesLast7Days), then most votes" },
  } as const,
});
