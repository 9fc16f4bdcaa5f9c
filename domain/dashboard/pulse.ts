import type { PrismaClient } from "../../prisma/client";
import type { Topic } from "../../prisma/generated/client";
import { topTopics, type TopicDemand } from "./demand";
import { dashboardHeadline, type DashboardHeadline } from "./headline";

export const PULSE_TOP_TOPICS = 10;

export type DashboardPulsePayload = {
  asOf: Date;
  sequence: number;
  headline: DashboardHeadline;
  topTopics: Array<TopicDemand & { topic: Topic }>;
  latestChangeAt: Date | null;
};

/**
 * What one pulse carries, for everyone (no filter): the headline and the first 10 top topics with
 * their topic rows (every scalar, so subscribers can select any of them without another query).
 * Three statements: headline, top topics, their rows.
 */
export async function computePulseFigures(prisma: PrismaClient, now: Date) {
  const [headline, rows] = await Promise.all([
    dashboardHeadline(prisma, {}, now),
    topTopics(prisma, {}, now, PULSE_TOP_TOPICS),
  ]);
  const topics = await prisma.topic.findMany({ where: { id: { in: rows.map((row) => row.topicId) } } });
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  return {
    headline,
    topTopics: rows.flatMap((row) => {
      const topic = byId.get(row.topicId);
      return topic ? [{ ...row, topic }] : [];
    }),
  };
}
