import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { BookingItem } from "~/components/booking-item";
import { BookingNotice } from "~/components/booking-notice";
import { MY_BOOKINGS, RESET_CALENDAR_FEED, type MyBookingsData, type ResetCalendarFeedData } from "~/lib/documents/bookings";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import sessionsStyles from "~/styles/sessions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionsStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("booking.myTitle"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const data = await gql<MyBookingsData>(context, MY_BOOKINGS);
  const origin = new URL(request.url).origin;
  return {
    upcoming: data.upcoming.edges.map((edge) => edge.node),
    past: data.past.edges.map((edge) => edge.node),
    feedUrl: data.me.calendarFeedUrl ? origin + data.me.calendarFeedUrl : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  if (form.get("intent") !== "resetFeed") throw new Response("Unknown intent", { status: 400 });
  await gql<ResetCalendarFeedData>(context, RESET_CALENDAR_FEED);
  return redirect("/my/bookings?notice=feedCreated#calendar-feed");
}

export default function MyBookingsRoute() {
  const { upcoming, past, feedUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const feedId = useId();
  return (
    <div className="narrow my-bookings">
      <div className="page-head">
        <div>
          <h1>{t("booking.myTitle")}</h1>
          <p className="page-head__intro">
            {t("booking.myIntro")} {t("booking.timeZoneNote")}
          </p>
        </div>
        <Link className="button button--secondary" to="/sessions">
          {t("booking.toSessions")}
        </Link>
      </div>
      <BookingNotice />
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("booking.upcoming")}</h2>
        {upcoming.length === 0 ? <p>{t("booking.myEmpty")}</p> : null}
        <ul className="booking-list">
          {upcoming.map((booking) => (
            <li key={booking.id}>
              <BookingItem booking={booking} past={false} />
            </li>
          ))}
        </ul>
      </section>
      <section className="calendar-feed" id="calendar-feed" aria-labelledby="calendar-feed-title">
        <h2 id="calendar-feed-title">{t("booking.feedTitle")}</h2>
        <p>{t("booking.feedIntro")}</p>
        {feedUrl ? (
          <p className="calendar-feed__url">
            <label htmlFor={feedId}>{t("booking.feedUrl")}</label>
            <input id={feedId} type="text" readOnly value={feedUrl} onFocus={(event) => event.currentTarget.select()} data-testid="feed-url" />
          </p>
        ) : null}
        <Form method="post">
          <button type="submit" name="intent" value="resetFeed" className="button button--secondary">
            {feedUrl ? t("booking.feedReset") : t("booking.feedCreate")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t("booking.past")}</h2>
        {past.length === 0 ? <p>{t("booking.pastEmpty")}</p> : null}
        <ul className="booking-list">
          {past.map((booking) => (
            <li key={booking.id}>
              <BookingItem booking={booking} past />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
