import { randomBytes } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";

/**
 * Calendar files for bookings (RFC 5545 via ical-generator): one event per booking, times as UTC
 * instants (DTSTART:…Z), so every calendar application shows them in its own time zone without a
 * VTIMEZONE block. Words (on-line, waitlist) come from the caller in the reader's language.
 */
export type CalendarEntry = {
  /** Stable per booking, so a re-downloaded file or a refreshed feed updates the same event. */
  bookingId: string;
  title: string;
  siteName: string | null;
  siteAddress: string | null;
  roomName: string | null;
  startsAt: Date;
  endsAt: Date;
  waitlisted: boolean;
  cancelled?: boolean;
};

export type CalendarWords = { online: string; waitlisted: string; calendarName: string };

export function eventLocation(entry: Pick<CalendarEntry, "siteName" | "siteAddress" | "roomName">, words: Pick<CalendarWords, "online">): string {
  if (!entry.siteName) return words.online;
  return [entry.siteName, entry.roomName, entry.siteAddress].filter(Boolean).join(", ");
}

export function renderCalendar(entries: ReadonlyArray<CalendarEntry>, words: CalendarWords): string {
  const calendar = ical({ name: words.calendarName, prodId: { company: "Spros", product: "bookings", language: "RU" } });
  for (const entry of entries) {
    calendar.createEvent({
      id: `booking-${entry.bookingId}@spros`,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.waitlisted ? `${entry.title} (${words.waitlisted})` : entry.title,
      location: eventLocation(entry, words),
      status: entry.cancelled ? ICalEventStatus.CANCELLED : entry.waitlisted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The secret part of a personal feed URL: 32 random bytes, base64url. */
export function newCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What a feed token can look like (anything else is refused without a lookup). */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export const calendarFeedPath = (token: string) => `/calendar/${token}.ics`;
