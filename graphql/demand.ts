import { topicDemandHeatmap, topicVotersWithoutAvailability, type HeatmapCell } from "../domain/demand-heatmap";
import { builder } from "./builder";

export const DemandCellRef = builder.objectRef<HeatmapCell>("DemandCell").implement({
  description: "One 30-minute cell of the weekly grid with how many of a topic's voters can come then.",
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after midnight (480 = 08:00)." }),
    endMinute: t.exposeInt("endMinute", { description: "startMinute + 30." }),
    preferred: t.exposeInt("preferred", { description: "Voters for whom this is a preferred time." }),
    ifNeedBe: t.exposeInt("ifNeedBe", { description: "Voters who could come if need be." }),
  }),
});

builder.prismaObjectFields("Topic", (t) => ({
  demandHeatmap: t.field({
    type: [DemandCellRef],
    description:
      "When this topic's voters can attend: all 168 cells (Monday 08:00 … Sunday 19:30, by weekday then time), counting each voter's effective availability for the topic (weekly availability intersected with their narrowing for this vote; the weaker strength wins). Computed in one SQL query per topic: meant for the topic page, not for lists.",
    resolve: (topic, _args, context) => topicDemandHeatmap(context.prisma, topic.id),
  }),
  votersWithoutAvailability: t.int({
    description:
      "Voters with no time at all for this topic (no weekly availability, or a narrowing outside it). They are not in demandHeatmap.",
    resolve: (topic, _args, context) => topicVotersWithoutAvailability(context.prisma, topic.id),
  }),
}));
