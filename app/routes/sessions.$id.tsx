import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BookingForm } from "~/components/booking-form";
import { BookingNotice } from "~/components/booking-notice";
import { SessionAttendance } from "~/components/session-attendance";
import { SessionSeats } from "~/components/session-seats";
import { SessionPlace, SessionWhen } from "~/components/session-when";
import { idFromParam, MARK_ATTENDANCE, TRAINING_SESSION, type MarkAttendanceData, type TrainingSessionData } from "~/lib/documents/bookings";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicPath } from "~/lib/topic-path";
import sessionsStyles from "~/styles/sessions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => (data?.session ? t("booking.sessionTitle", { title: data.session.topic.title }) : t("errors.notFoundTitle")));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const staff = viewer.role !== "STAFF";
  const { trainingSession } = await gql<TrainingSessionData>(context, TRAINING_SESSION, { id: idFromParam(params.id), staff });
  if (!trainingSession) throw new Response("Not found", { status: 404 });
  return { session: trainingSession, staff, now: Date.now() };
}

/** Attendance marks (trainer of the session or a manager; the API decides). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const { markAttendance } = await gql<MarkAttendanceData>(context, MARK_ATTENDANCE, {
    bookingId: String(form.get("bookingId") ?? ""),
    attendance: form.get("attendance") === "NO_SHOW" ? "NO_SHOW" : "ATTENDED",
  });
  const notice =
    markAttendance.__typename === "MutationMarkAttendanceSuccess"
      ? "marked"
      : markAttendance.__typename === "ForbiddenError"
        ? "errorAttendanceForbidden"
        : markAttendance.__typename === "AttendanceNotOpenError"
          ? "errorAttendanceEarly"
          : "errorNotFound";
  return redirect(`/sessions/${params.id ?? ""}?notice=${notice}`);
}

export default function SessionRoute() {
  const { session, staff, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const started = new Date(session.startsAt).getTime() <= now;
  return (
    <div className="narrow session-page">
      <div className="page-head">
        <div>
          <h1>{session.topic.title}</h1>
          <p className="page-head__intro">
            <SessionWhen session={session} /> · <SessionPlace session={session} /> · {t("booking.trainer", { name: session.trainerName })}
          </p>
        </div>
        <Link className="button button--secondary" to={topicPath(session.topic.id)}>
          {t("booking.topicLink")}
        </Link>
      </div>
      <BookingNotice />
      <p className="session-page__zone">{t("booking.timeZoneNote")}</p>
      <SessionSeats sessionId={session.id} initial={{ seatsLeft: session.seatsLeft, waitlisted: session.waitlisted, capacity: session.capacity }} />
      {started ? null : <BookingForm session={session} />}
      {staff && session.bookings && session.attendance ? (
        <SessionAttendance bookings={session.bookings} summary={session.attendance} started={started} />
      ) : null}
    </div>
  );
}
