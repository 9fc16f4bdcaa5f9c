import { useTranslation } from "react-i18next";
import { Link } from "@remix-run/react";
import { sessionPath, type SessionSummary } from "~/lib/documents/bookings";
import { CENTRE_TIME_ZONE, intlLocale } from "~/lib/format";
import type { Locale } from "~/locales/shape";

/** A date and time on the centre's clock (Europe/Moscow), whatever the browser's zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: CENTRE_TIME_ZONE,
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** "YYYY-MM-DD" (a centre date) as a weekday and day, e.g. «вторник, 1 декабря». */
export function formatSessionDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function SessionWhen({ session }: { session: Pick<SessionSummary, "date" | "startTime" | "endTime" | "startsAt"> }) {
  const { t, i18n } = useTranslation();
  return (
    <time dateTime={session.startsAt}>
      {t("booking.when", { date: formatSessionDate(session.date, i18n.language as Locale), start: session.startTime, end: session.endTime })}
    </time>
  );
}

export function SessionPlace({ session }: { session: Pick<SessionSummary, "site" | "roomName" | "online"> }) {
  const { t } = useTranslation();
  if (session.online || !session.site) return <>{t("booking.online")}</>;
  return <>{session.roomName ? t("booking.place", { site: session.site.name, room: session.roomName }) : session.site.name}</>;
}

type ItemSession = Pick<SessionSummary, "id" | "date" | "startTime" | "endTime" | "startsAt" | "site" | "roomName" | "online"> & { topic: { title: string } };

/** A session in a list of one's own (bookings, sessions taught): its title as a link, then when and where. */
export function SessionItemHead({ session, titleId }: { session: ItemSession; titleId: string }) {
  return (
    <>
      <h3 className="booking-item__title" id={titleId}>
        <Link to={sessionPath(session.id)}>{session.topic.title}</Link>
      </h3>
      <p className="booking-item__facts">
        <SessionWhen session={session} /> · <SessionPlace session={session} />
      </p>
    </>
  );
}
