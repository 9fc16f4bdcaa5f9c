import type { RequestHandler } from "express";
import { en } from "../app/locales/en";
import { ru } from "../app/locales/ru";
import { CALENDAR_TOKEN, renderCalendar, type CalendarEntry } from "../domain/booking-calendar";
import { createInProcessGraphQL } from "../graphql/in-process";
import type { SprosYoga } from "../graphql/yoga";

const FEED = /* GraphQL */ `
  query CalendarFeed($token: String!) {
    calendarFeed(token: $token) {
      locale
      entries { bookingId title siteName siteAddress roomName startsAt endsAt waitlisted }
    }
  }
`;

type FeedData = {
  calendarFeed: { locale: string; entries: Array<Omit<CalendarEntry, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string }> } | null;
};


/**
 * GET /calendar/<token>.ics — a person's bookings as a calendar feed that calendar applications
 * poll without a session: the unguessable token is the credential. Unknown token → 404. Data comes
 * through the API like every other page (the `calendarFeed` query).
 */
export function calendarFeedHandler(yoga: () => SprosYoga | undefined): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = String(req.params.token ?? "");
      const server = yoga();
      if (!CALENDAR_TOKEN.test(token) || !server) return void res.status(404).type("text/plain; charset=utf-8").send("Not found");
      const result = await createInProcessGraphQL(server)<FeedData>(FEED, { token });
      const feed = result.data?.calendarFeed;
      if (!feed) return void res.status(404).type("text/plain; charset=utf-8").send("Not found");
      const words = feed.locale === "en" ? en.booking : ru.booking;
      const body = renderCalendar(
        feed.entries.map((entry) => ({ ...entry, startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt) })),
        { online: words.online, waitlisted: words.calendarWaitlisted, calendarName: words.calendarName },
      );
      res
        .status(200)
        .set({ "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300", "x-robots-tag": "noindex" })
        .send(body);
    } catch (error) {
      next(error);
    }
  };
}
