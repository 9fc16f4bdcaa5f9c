import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useClient } from "urql";
import { DASHBOARD_PULSE, type DashboardHeadline, type DashboardPulseData, type TopicDemandRow } from "~/lib/documents/dashboard";
import { onReconnect } from "~/lib/urql-client";

/** The loader re-reads the filtered views at most this often while pulses arrive. */
export const REVALIDATE_EVERY_MS = 2_000;

export type LiveFigures = { asOf: string; headline: DashboardHeadline; topTopics: TopicDemandRow[] };

/**
 * Subscribes to `dashboardPulse`: headline and top topics apply at once; the rest of the page (the
 * filtered heat maps and the other charts) is re-read through the loader, throttled to one read
 * per REVALIDATE_EVERY_MS (leading and trailing). Whichever is newer wins: the pulse or the loader.
 */
export function useDashboardPulse(initial: LiveFigures): LiveFigures {
  const client = useClient();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [pulse, setPulse] = useState<LiveFigures | null>(null);

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (timer) return;
      const wait = Math.max(0, last + REVALIDATE_EVERY_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        revalidate.current();
      }, wait);
    };
    const subscription = client.subscription<DashboardPulseData>(DASHBOARD_PULSE, {}).subscribe((result) => {
      const next = result.data?.dashboardPulse;
      if (!next) return;
      setPulse({ asOf: next.asOf, headline: next.headline, topTopics: next.topTopics });
      schedule();
    });
    const stopListening = onReconnect(() => revalidate.current());
    return () => {
      subscription.unsubscribe();
      stopListening();
      if (timer) clearTimeout(timer);
    };
  }, [client]);

  return pulse && Date.parse(pulse.asOf) >= Date.parse(initial.asOf) ? pulse : initial;
}
