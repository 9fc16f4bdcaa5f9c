import type { TopicSeed } from "./content/topic-seed";
import type { Random } from "./random";
import type { StaffProfile } from "./staff";

export type VoteDraft = { staffIndex: number; topicIndex: number };

const ONLINE_FORMATS = new Set(["WEBINAR", "DISTANCE"]);

/**
 * Skewed, clustered votes: topic popularity dominates (a few topics gather a large share), each
 * office has a "hot topic" its staff talked each other into, people lean towards one block, and
 * those who dislike on-line sessions rarely vote for webinars. Authors vote for their own topic.
 */
export function generateVotes(
  random: Random,
  staff: readonly StaffProfile[],
  topics: readonly TopicSeed[],
  officeCount: number,
  authorOf: readonly (number | null)[],
): VoteDraft[] {
  const popularity = topics.map((t) => t.popularity);
  const officeHotTopic = Array.from({ length: officeCount }, () => random.weightedIndex(popularity));
  const votes: VoteDraft[] = [];

  staff.forEach((person, staffIndex) => {
    const chosen = new Set<number>();
    authorOf.forEach((author, topicIndex) => {
      if (author === staffIndex) chosen.add(topicIndex);
    });

    const abstains = random.chance(person.persona === "unset" ? 0.3 : 0.08);
    let wanted = 1;
    while (wanted < 12 && random.chance(0.8)) wanted++;
    if (abstains) wanted = 0;

    const weights = topics.map((topic, topicIndex) => {
      let w = topic.popularity;
      w *= 2 * (topic.block === "SERVICE_DELIVERY" ? person.deliveryLean : 1 - person.deliveryLean);
      if (officeHotTopic[person.officeIndex] === topicIndex) w *= 4;
      if (ONLINE_FORMATS.has(topic.format) && !person.onlineOk) w *= 0.15;
      return chosen.has(topicIndex) ? 0 : w;
    });
    while (chosen.size < wanted) {
      const topicIndex = random.weightedIndex(weights);
      chosen.add(topicIndex);
      weights[topicIndex] = 0;
    }
    for (const topicIndex of [...chosen].sort((a, b) => a - b)) votes.push({ staffIndex, topicIndex });
  });
  return votes;
}
