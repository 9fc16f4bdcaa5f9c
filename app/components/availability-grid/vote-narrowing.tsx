import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { cellsToWindows, summarize, windowsToCells, type AvailabilityWindow, type Strength } from "~/lib/availability-cells";
import { AvailabilityGrid, summaryText } from "./availability-grid";

type Props = {
  topicId: string;
  /** The current narrowing for this vote, null when there is none. */
  narrowing: readonly AvailabilityWindow[] | null;
  /** The viewer's weekly availability: the starting point when nothing is narrowed yet. */
  availability: readonly AvailabilityWindow[];
};

export type VoteWindowsResult = { ok: boolean; intent: "save" | "clear"; message?: string };

/**
 * "For this one, only Tuesday mornings": a compact grid, posted to /my/vote-windows (a fetcher with
 * JavaScript, so the page's heat map revalidates in place; a plain form post without).
 */
export function VoteNarrowing({ topicId, narrowing, availability }: Props) {
  const { t } = useTranslation();
  const fetcher = useFetcher<VoteWindowsResult>();
  const location = useLocation();
  const [hydrated, setHydrated] = useState(false);
  const [cells, setCells] = useState<Array<Strength | null>>(() => windowsToCells(narrowing ?? availability));
  // Open at first when there is a narrowing; afterwards the reader decides (clearing must not close it).
  const [initiallyOpen] = useState(Boolean(narrowing));
  useEffect(() => setHydrated(true), []);
  // A new narrowing from the server (after saving or clearing) resets the grid.
  const key = JSON.stringify(narrowing);
  useEffect(() => {
    setCells(windowsToCells(narrowing ?? availability));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const current = narrowing ? summarize(narrowing).map((l) => summaryText(t, l)).join("; ") : null;

  return (
    <details className="vote-narrow" open={initiallyOpen || undefined}>
      <summary>{t("narrow.open")}</summary>
      <div className="vote-narrow__body">
        <p className="muted">{t("narrow.intro")}</p>
        <p data-testid="narrowing-current">{current ? t("narrow.current", { summary: current }) : t("narrow.none")}</p>
        <fetcher.Form method="post" action="/my/vote-windows" className="vote-narrow__form" preventScrollReset>
          <input type="hidden" name="topicId" value={topicId} />
          <input type="hidden" name="windows" value={JSON.stringify(cellsToWindows(cells))} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
          <AvailabilityGrid value={cells} onChange={setCells} label={t("narrow.title")} compact />
          <div className="vote-narrow__actions">
            <button type="submit" name="intent" value="save" className="button button--primary" aria-disabled={busy || undefined}>
              {t("narrow.save")}
            </button>
            {narrowing ? (
              <button type="submit" name="intent" value="clear" className="button button--secondary" aria-disabled={busy || undefined}>
                {t("narrow.clear")}
              </button>
            ) : null}
            <Link to="/profile" className="button button--quiet">
              {t("narrow.profileLink")}
            </Link>
          </div>
          <div role="status" className="notice-slot">
            {result ? (
              <p className={`notice ${result.ok ? "notice--success" : "notice--error"}`}>
                {result.ok ? t(result.intent === "clear" ? "narrow.cleared" : "narrow.saved") : (result.message ?? t("narrow.failed"))}
              </p>
            ) : null}
          </div>
        </fetcher.Form>
      </div>
    </details>
  );
}
