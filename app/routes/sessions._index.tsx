import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDays, centreWallClock, dateKey } from "../../domain/centre-time";
import { BookingNotice, NOTICE_PARAMS } from "~/components/booking-notice";
import { SessionCard } from "~/components/session-card";
import { isFiltered, ONLINE, SessionFilters, type SessionListQuery } from "~/components/session-filters";
import {
  BOOKABLE_SESSIONS,
  BOOK_SESSION,
  CANCEL_BOOKING,
  MOVE_BOOKING,
  sessionAnchor,
  type BookableSessionsData,
  type SessionFilter,
  type BookSessionData,
  type CancelBookingData,
  type MoveBookingData,
} from "~/lib/documents/bookings";
import { gql, requireUser, safeRedirect } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import sessionsStyles from "~/styles/sessions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionsStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("booking.listTitle"));

const PAGE_SIZE = 30;

const NOT_BOOKABLE_NOTICE = { CANCELLED: "errorCancelled", STARTED: "errorStarted", TRAINER: "errorOwnSession" } as const;

/** ?where=<site id>|online and ?only=voted|suits, read leniently (anything else means "any"). */
function listQuery(params: URLSearchParams): SessionListQuery {
  const only = params.get("only");
  return { where: params.get("where") ?? "", only: only === "voted" || only === "suits" ? only : "" };
}

function filterOf(query: SessionListQuery): SessionFilter {
  return {
    ...(query.where === ONLINE ? { online: true } : query.where ? { siteId: query.where } : {}),
    ...(query.only === "voted" ? { only: "VOTED" as const } : query.only === "suits" ? { only: "SUITS_ME" as const } : {}),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const after = params.get("after") || null;
  const query = listQuery(params);
  const { bookableSessions, sites } = await gql<BookableSessionsData>(context, BOOKABLE_SESSIONS, { first: PAGE_SIZE, after, filter: filterOf(query) });
  const today = centreWallClock(new Date()).date;
  return {
    query,
    sites,
    total: bookableSessions.totalCount,
    sessions: bookableSessions.edges.map((edge) => edge.node),
    nextCursor: bookableSessions.pageInfo.hasNextPage ? bookableSessions.pageInfo.endCursor : null,
    manager: viewer.role === "MANAGER" || viewer.role === "ADMIN",
    exportRange: { from: dateKey(today), to: dateKey(addDays(today, 27)) },
    now: Date.now(),
  };
}

/** Book and cancel for every booking page; comes back to the page with ?notice=… (no JavaScript needed). */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const back = new URL(safeRedirect(form.get("redirectTo"), "/sessions"), "http://spros.local");
  for (const key of NOTICE_PARAMS) back.searchParams.delete(key);
  const sessionId = String(form.get("sessionId") ?? "");
  // Back to the card the visitor used (the notice shows there), not to the top of a long list.
  const notice = (name: string, extra: Record<string, string> = {}) => {
    back.searchParams.set("notice", name);
    if (sessionId) back.searchParams.set("session", sessionId);
    for (const [key, value] of Object.entries(extra)) back.searchParams.set(key, value);
    const anchor = sessionId && back.pathname === "/sessions" ? `#${sessionAnchor(sessionId)}` : "";
    return redirect(back.pathname + back.search + anchor);
  };
  if (form.get("intent") === "book") {
    const { bookSession: result } = await gql<BookSessionData>(context, BOOK_SESSION, { sessionId });
    if (result.__typename === "MutationBookSessionSuccess") {
      return result.data.status === "CONFIRMED" ? notice("booked") : notice("waitlisted", { position: String(result.data.waitlistPosition ?? "") });
    }
    if (result.__typename === "SessionNotBookableError") return notice(NOT_BOOKABLE_NOTICE[result.reason]);
    if (result.__typename === "VotersOnlyError") return notice("errorVotersOnly", { until: result.until });
    if (result.__typename === "TopicAlreadyBookedError") {
      return notice(result.waitlisted ? "errorTopicWaitlisted" : "errorTopicBooked", { other: result.session.startsAt });
    }
    return notice("errorNotFound");
  }
  if (form.get("intent") === "move") {
    const variables = { bookingId: String(form.get("bookingId") ?? ""), toSessionId: sessionId };
    const { moveBooking: result } = await gql<MoveBookingData>(context, MOVE_BOOKING, variables);
    switch (result.__typename) {
      case "MutationMoveBookingSuccess":
        return notice("moved");
      case "SessionFullError":
        return notice("errorMoveFull");
      case "SessionNotBookableError":
        return notice(NOT_BOOKABLE_NOTICE[result.reason]);
      case "VotersOnlyError":
        return notice("errorVotersOnly", { until: result.until });
      case "CancellationClosedError":
        return notice("errorCutoff", { cutoff: result.cutoff });
      default:
        return notice("errorNotFound");
    }
  }
  if (form.get("intent") === "cancel") {
    const { cancelBooking: result } = await gql<CancelBookingData>(context, CANCEL_BOOKING, { bookingId: String(form.get("bookingId") ?? "") });
    if (result.__typename === "MutationCancelBookingSuccess") return notice("cancelled");
    if (result.__typename === "CancellationClosedError") return notice("errorCutoff", { cutoff: result.cutoff });
    return notice("errorNotFound");
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function SessionsRoute() {
  const { sessions, nextCursor, manager, exportRange, now, query, sites, total } = useLoaderData<typeof loader>();
  const filtered = isFiltered(query);
  const nextPage = new URLSearchParams({ ...(query.where ? { where: query.where } : {}), ...(query.only ? { only: query.only } : {}), after: nextCursor ?? "" });
  const { t } = useTranslation();
  return (
    <div className="sessions-page">
      <div className="page-head">
        <div>
          <h1>{t("booking.listTitle")}</h1>
          <p className="page-head__intro">
            {t("booking.listIntro")} {t("booking.timeZoneNote")}
          </p>
        </div>
        <Link className="button button--secondary" to="/my/bookings">
          {t("booking.navMine")}
        </Link>
      </div>
      <BookingNotice exceptSessions={sessions.map((session) => session.id)} />
      <SessionFilters query={query} sites={sites} />
      {filtered ? (
        <p className="topics__count" role="status">
          {t("booking.found", { count: total })}
        </p>
      ) : null}
      {sessions.length === 0 ? (
        <p className="sessions-empty">{t(filtered ? "booking.listEmptyFiltered" : "booking.listEmpty")}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <SessionCard session={session} now={now} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p>
          <Link className="button button--secondary" to={`?${nextPage}`}>
            {t("myTopics.next")}
          </Link>
        </p>
      ) : null}
      {manager ? (
        <section className="schedule-export" aria-labelledby="schedule-export-title">
          <h2 id="schedule-export-title">{t("booking.exportTitle")}</h2>
          <p>{t("booking.exportIntro")}</p>
          <form method="get" action="/manage/schedule.csv" className="schedule-export__form">
            <label>
              {t("booking.exportFrom")}
              <input type="date" name="from" defaultValue={exportRange.from} required />
            </label>
            <label>
              {t("booking.exportTo")}
              <input type="date" name="to" defaultValue={exportRange.to} required />
            </label>
            <button type="submit" className="button button--secondary">
              {t("booking.exportSubmit")}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
