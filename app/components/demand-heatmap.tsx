import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { WeekdayHeaderRow } from "~/components/weekday-header";
import { VoteNarrowing } from "~/components/availability-grid/vote-narrowing";
import { SLOTS, SLOT_MINUTES, WEEKDAYS, formatMinute, slotStart, type AvailabilityWindow, type Weekday } from "~/lib/availability-cells";
import {
  TOPIC_DEMAND_CHANGED,
  VOTABLE_STATUSES,
  type DemandCellData,
  type TopicDemandChangedData,
  type TopicStatus,
} from "~/lib/documents";

type Props = {
  cells: readonly DemandCellData[];
  votersWithoutAvailability: number;
  /** Whose time the cells count: a topic's voters (the topic page) or all staff (the dashboard). */
  population?: "voters" | "staff";
};

/** How warm a cell is: preferred counts fully, "if need be" half. */
function score(c: DemandCellData | undefined): number {
  return c ? c.preferred + c.ifNeedBe / 2 : 0;
}

/**
 * The topic's demand picture: weekday × time, how many voters can come (preferred / if need be).
 * A real table (caption, row and column headers), so screen readers can walk it; the colour scale
 * is backed by the numbers in every cell and by a "best time" sentence.
 */
export function DemandHeatmap({ cells, votersWithoutAvailability, population = "voters" }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.startMinute}`, c]));
  const max = cells.reduce((m, c) => Math.max(m, score(c)), 0);
  const level = (c: DemandCellData | undefined) => (max === 0 || score(c) === 0 ? 0 : Math.max(1, Math.ceil((score(c) / max) * 4)));
  const best = max > 0 ? bestRuns(cells, max) : [];

  return (
    <div className="heatmap">
      {max === 0 ? <p className="heatmap__empty">{t(population === "staff" ? "heatmap.emptyStaff" : "heatmap.empty")}</p> : null}
      {best.length > 0 ? (
        <p className="heatmap__best" data-testid="heatmap-best">
          {t("heatmap.best", {
            slots: best
              .map((r) => `${t(`availability.weekdaysShort.${r.weekday}`)} ${formatMinute(r.startMinute)}–${formatMinute(r.endMinute)}`)
              .join(", "),
          })}
        </p>
      ) : null}
      {votersWithoutAvailability > 0 ? (
        <p className="heatmap__without" data-testid="heatmap-without">
          {t("heatmap.without", { count: votersWithoutAvailability })}
        </p>
      ) : null}
      {/* Nothing to show yet: the sentence above says so, without an empty grid of zeros. */}
      {max > 0 ? (
        <>
      <div className="heatmap__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="heatmap__table" data-testid="demand-heatmap">
          <caption id={captionId}>{t(population === "staff" ? "heatmap.captionStaff" : "heatmap.caption")}</caption>
          <thead>
            <WeekdayHeaderRow cornerClassName="heatmap__corner" />
          </thead>
          <tbody>
            {Array.from({ length: SLOTS }, (_, slot) => {
              const start = slotStart(slot);
              return (
                <tr key={slot}>
                  <th scope="row" className={slot % 2 ? "heatmap__time heatmap__time--half" : "heatmap__time"}>
                    <span className="visually-hidden">
                      {formatMinute(start)}–{formatMinute(start + SLOT_MINUTES)}
                    </span>
                    <span aria-hidden="true">{formatMinute(start)}</span>
                  </th>
                  {WEEKDAYS.map((d) => {
                    const c = byKey.get(`${d}:${start}`);
                    const preferred = c?.preferred ?? 0;
                    const ifNeedBe = c?.ifNeedBe ?? 0;
                    return (
                      <td
                        key={d}
                        className={`heatmap__cell heatmap__cell--l${level(c)}`}
                        data-weekday={d}
                        data-start={start}
                        data-preferred={preferred}
                        data-if-need-be={ifNeedBe}
                      >
                        {preferred || ifNeedBe ? (
                          <>
                            <span aria-hidden="true">
                              {preferred}
                              {ifNeedBe ? <span className="heatmap__if">/{ifNeedBe}</span> : null}
                            </span>
                            <span className="visually-hidden">
                              {t("availability.statePreferred")} — {preferred}, {t("availability.stateIfNeedBe")} — {ifNeedBe}
                            </span>
                          </>
                        ) : (
                          <span className="visually-hidden">0</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="heatmap__legend" aria-hidden="true">
        <span>{t("heatmap.legendLow")}</span>
        {[1, 2, 3, 4].map((l) => (
          <span key={l} className={`heatmap__swatch heatmap__cell--l${l}`} />
        ))}
        <span>{t("heatmap.legendHigh")}</span>
        <span className="heatmap__legend-note">{t("heatmap.legendIfNeedBe")}</span>
      </div>
        </>
      ) : null}
    </div>
  );
}

/** Runs of consecutive cells with the top score, by weekday and time (at most four). */
function bestRuns(cells: readonly DemandCellData[], max: number) {
  const runs: Array<{ weekday: Weekday; startMinute: number; endMinute: number }> = [];
  const sorted = [...cells].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (const c of sorted) {
    if (score(c) !== max) continue;
    const last = runs[runs.length - 1];
    if (last && last.weekday === c.weekday && last.endMinute === c.startMinute) last.endMinute = c.endMinute;
    else runs.push({ weekday: c.weekday as Weekday, startMinute: c.startMinute, endMinute: c.endMinute });
  }
  return runs.slice(0, 4);
}

/**
 * The topic page's demand section: the heat map for everyone, and for a voter the grid that
 * narrows their time for this topic.
 */
export function TopicDemandSection({
  topic,
  availability,
}: {
  topic: {
    id: string;
    status: TopicStatus;
    viewerHasVoted: boolean;
    demandHeatmap?: DemandCellData[];
    votersWithoutAvailability?: number;
    viewerVoteWindows?: AvailabilityWindow[] | null;
  };
  availability: readonly AvailabilityWindow[];
}) {
  const { t } = useTranslation();
  const demand = useLiveDemand(topic.id, topic.demandHeatmap ?? [], topic.votersWithoutAvailability ?? 0);
  return (
    <section className="panel panel--snug demand" aria-labelledby="demand-title" id="demand">
      <h2 id="demand-title">{t("heatmap.title")}</h2>
      <DemandHeatmap cells={demand.cells} votersWithoutAvailability={demand.votersWithoutAvailability} />
      {/* Narrowing one's time only matters while the topic still collects votes and can be planned. */}
      {topic.viewerHasVoted && VOTABLE_STATUSES.has(topic.status) ? (
        <VoteNarrowing topicId={topic.id} narrowing={topic.viewerVoteWindows ?? null} availability={availability} />
      ) : null}
    </section>
  );
}

/**
 * The loader's heat map, replaced by the server's recomputation whenever voters vote or repaint their
 * time (the server sends at most one a second); a new loader result starts over from it.
 */
function useLiveDemand(topicId: string, cells: DemandCellData[], votersWithoutAvailability: number) {
  const client = useClient();
  const [live, setLive] = useState<{ cells: DemandCellData[]; votersWithoutAvailability: number } | null>(null);
  useEffect(() => setLive(null), [topicId, cells, votersWithoutAvailability]);
  useEffect(() => {
    const subscription = client
      .subscription<TopicDemandChangedData>(TOPIC_DEMAND_CHANGED, { topicId })
      .subscribe((result) => {
        const topic = result.data?.topicDemandChanged;
        if (topic) setLive({ cells: topic.demandHeatmap, votersWithoutAvailability: topic.votersWithoutAvailability });
      });
    return () => subscription.unsubscribe();
  }, [client, topicId]);
  return live ?? { cells, votersWithoutAvailability };
}
