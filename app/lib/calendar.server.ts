import type { AppLoadContext } from "@remix-run/node";
import { renderCalendar, type CalendarEntry } from "../../domain/booking-calendar";
import { getFixedT } from "~/lib/i18n";
import type { Locale } from "~/locales/shape";

const BOOKING_ENTRY = /* GraphQL */ `
  query BookingCalendarEntry($id: ID!) {
    booking(id: $id) {
      status
      calendarEntry { bookingId title siteName siteAddress roomName startsAt endsAt waitlisted }
    }
  }
`;

type EntryData = {
  booking: {
    status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
    calendarEntry: Omit<CalendarEntry, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };
  } | null;
};

/**
 * The .ics file of one of the viewer's bookings (the API answers only the owner), or null when the
 * booking is not theirs or does not exist. A cancelled booking yields a CANCELLED event, so a
 * calendar that imported it before removes it.
 */
export async function bookingCalendar(context: AppLoadContext, bookingId: string, locale: Locale): Promise<string | null> {
  const result = await context.graphql<EntryData>(BOOKING_ENTRY, { id: bookingId });
  const booking = result.data?.booking;
  if (!booking) return null;
  const t = getFixedT(locale);
  const entry = booking.calendarEntry;
  return renderCalendar(
    [{ ...entry, startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt), cancelled: booking.status === "CANCELLED" }],
    { online: t("booking.online"), waitlisted: t("booking.calendarWaitlisted"), calendarName: t("booking.calendarName") },
  );
}

export function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
