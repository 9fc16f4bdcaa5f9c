import type { TopicBlock, TopicFormat, TopicStatus } from "../../generated/enums";

/** One course of the Training Centre's catalogue as the demo seeds it. */
export type TopicSeed = {
  /** Stable key used only inside the seed (trainer qualifications, popularity). */
  key: string;
  title: string;
  description: string;
  block: TopicBlock;
  format: TopicFormat;
  durationMinutes: number;
  minParticipants: number;
  maxParticipants: number;
  status: TopicStatus;
  /** Relative chance of a staff vote; a few topics are far more wanted than the rest. */
  popularity: number;
};

type TopicInput = Omit<TopicSeed, "block" | "status" | "popularity"> &
  Partial<Pick<TopicSeed, "status" | "popularity">>;

export function topicsOf(block: TopicBlock, inputs: readonly TopicInput[]): TopicSeed[] {
  return inputs.map((input) => ({ status: "OPEN", popularity: 1, ...input, block }));
}
