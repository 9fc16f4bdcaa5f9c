import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { BookingNotice } from "~/components/booking-notice";
import { BookingOrHeld, FreeSeatsElsewhere } from "~/components/session-card";
import { SessionAttendance } from "~/components/session-attendance";
import { SessionCancel, type SessionCancelError } from "~/components/session-cancel";
import { SessionSeats } from "~/components/session-seats";
import { formatDateTime, SessionPlace, SessionWhen } from "~/components/session-when";
import {
  CANCEL_REASON_MAX,
  CANCEL_REASON_MIN,
  CANCEL_TRAINING_SESSION,
  bookingIcsPath,
  idFromParam,
  MARK_ATTENDANCE,
  TRAINING_SESSION,
  type CancelTrainingSessionData,
  type MarkAttendanceData,
  type TrainingSessionData,
} from "~/lib/documents/bookings";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicPath } from "~/lib/topic-path";
import { contentLang } from "~/lib/content-lang";
import { isLocale, type Locale } from "~/locales/shape";
import moderationStyles from "~/styles/moderation.css";
import sessionsStyles from "~/styles/sessions.css";

// moderation.css: the danger button and fold-out form the topic rejection uses, shared by the session cancellation.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: sessionsStyles },
  { rel: "stylesheet", href: moderationStyles },
];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => (data?.session ? t("booking.sessionTitle", { title: data.session.topic.title }) : t("errors.notFoundTitle")));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const staff = viewer.role !== "STAFF";
  const { trainingSession } = await gql<TrainingSessionData>(context, TRAINING_SESSION, { id: idFromParam(params.id), staff });
  if (!trainingSession) throw new Response("Not found", { status: 404 });
  const manager = viewer.role === "MANAGER" || viewer.role === "ADMIN";
  return { session: trainingSession, staff, manager, now: Date.now() };
}

/** A manager cancels the session (the API decides who may); refusals come back with the typed reason kept. */
async function cancelSession(form: FormData, context: ActionFunctionArgs["context"], id: string) {
  const reason = String(form.get("reason") ?? "");
  const failed = (error: SessionCancelError["error"]) => data<SessionCancelError>({ error, reason }, { status: 400 });
  const length = reason.trim().length;
  if (length < CANCEL_REASON_MIN || length > CANCEL_REASON_MAX) return failed("errorCancelReason");
  if (form.get("confirm") !== "yes") return failed("errorCancelConfirm");
  const { cancelTrainingSession: result } = await gql<CancelTrainingSessionData>(context, CANCEL_TRAINING_SESSION, { id: idFromParam(id), reason });
  switch (result.__typename) {
    case "MutationCancelTrainingSessionSuccess":
      return redirect(`/sessions/${id}?notice=sessionCancelled`);
    case "ValidationError":
      return failed("errorCancelReason");
    case "SessionNotCancellableError":
      return failed(result.reason === "ALREADY_CANCELLED" ? "errorAlreadyCancelled" : "errorCancelStarted");
    default:
      return failed("errorNotFound");
  }
}

/** Attendance marks (trainer of the session or a manager; the API decides), or the manager's cancellation. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  if (form.get("intent") === "cancelSession") {
    if (viewer.role !== "MANAGER" && viewer.role !== "ADMIN") throw new Response("Forbidden", { status: 403 });
    return cancelSession(form, context, params.id ?? "");
  }
  const { markAttendance } = await gql<MarkAttendanceData>(context, MARK_ATTENDANCE, {
    bookingId: String(form.get("bookingId") ?? ""),
    attendance: form.get("attendance") === "NO_SHOW" ? "NO_SHOW" : "ATTENDED",
  });
  // Marked: back to the same place on the page (the form keeps the scroll; the row's pressed button
  // and the live summary say it). A notice at the top, or a jump to the list's start, would send a
  // trainer marking fifteen people back down fifteen times.
  if (markAttendance.__typename === "MutationMarkAttendanceSuccess") return redirect(`/sessions/${params.id ?? ""}`);
  const notice =
    markAttendance.__typename === "ForbiddenError"
      ? "errorAttendanceForbidden"
      : markAttendance.__typename === "AttendanceNotOpenError"
        ? "errorAttendanceEarly"
        : "errorNotFound";
  return redirect(`/sessions/${params.id ?? ""}?notice=${notice}#attendance`);
}

export default function SessionRoute() {
  const { session, staff, manager, now } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as SessionCancelError | undefined;
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : "ru";
  const started = new Date(session.startsAt).getTime() <= now;
  const ended = new Date(session.endsAt).getTime() <= now;
  return (
    <div className="narrow session-page">
      <BackLink to="/sessions">{t("booking.backToList")}</BackLink>
      <div className="page-head">
        <div>
          <h1 lang={contentLang(session.topic.title, locale)}>{session.topic.title}</h1>
        </div>
        <Link className="button button--secondary" to={topicPath(session.topic.id)}>
          {t("booking.topicLink")}
        </Link>
      </div>
      <BookingNotice />
      {params.get("notice") === "sessionCancelled" && session.status === "CANCELLED" ? (
        <p className="notice notice--success" role="status">
          {t("booking.sessionCancelledDone")}
        </p>
      ) : null}
      {session.status === "CANCELLED" && session.cancelledAt ? (
        <p className="notice" data-testid="session-cancelled">
          {t("booking.cancelledOn", { date: formatDateTime(session.cancelledAt, locale) })}
          {session.cancelReason ? ` ${t("booking.cancelledBecause", { reason: session.cancelReason })}` : null}
          {session.cancelledBy ? ` ${t("booking.cancelledBy", { name: session.cancelledBy.name })}` : null}
        </p>
      ) : null}
      <dl className="facts session-page__facts">
        <div>
          <dt>{t("booking.factWhen")}</dt>
          <dd>
            <SessionWhen session={session} />
            <span className="facts__sub">{t("booking.timeZoneNote")}</span>
          </dd>
        </div>
        <div>
          <dt>{t("booking.factWhere")}</dt>
          <dd>
            <SessionPlace session={session} />
            {session.site && !session.online ? <span className="facts__sub">{session.site.address}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("booking.factTrainer")}</dt>
          <dd>{session.trainerName}</dd>
        </div>
        <div>
          <dt>{t("topic.format")}</dt>
          <dd>{t(`formats.${session.topic.format}`)}</dd>
        </div>
      </dl>
      {/* Seats matter until it starts; then the page says where the session stands instead. */}
      {started ? (
        session.status === "CANCELLED" ? null : (
          <p className="session-page__phase" data-testid="session-phase">
            {t(ended ? "booking.phaseEnded" : "booking.phaseRunning")}
          </p>
        )
      ) : (
        <SessionSeats sessionId={session.id} initial={{ seatsLeft: session.seatsLeft, waitlisted: session.waitlisted, capacity: session.capacity }} />
      )}
      {started ? null : <BookingOrHeld session={session} />}
      {started ? null : <FreeSeatsElsewhere session={session} />}
      {!started && session.status === "SCHEDULED" && session.viewerBooking?.status === "CONFIRMED" ? (
        <p>
          <a className="button button--secondary" href={bookingIcsPath(session.viewerBooking.id)} download>
            {t("booking.downloadIcs")}
          </a>
        </p>
      ) : null}
      <section className="session-page__about" aria-labelledby="session-about">
        <h2 id="session-about">{t("booking.aboutTopic")}</h2>
        <div className="prose" lang={contentLang(session.topic.description, locale)}>
          {session.topic.description.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </section>
      {manager && !started && session.status === "SCHEDULED" ? (
        <SessionCancel people={session.seatsTaken + session.waitlisted} failed={failed} />
      ) : null}
      {staff && session.viewerMarksAttendance && session.bookings && session.attendance ? (
        <SessionAttendance bookings={session.bookings} summary={session.attendance} started={started} opensAt={session.startsAt} />
      ) : null}
    </div>
  );
}
