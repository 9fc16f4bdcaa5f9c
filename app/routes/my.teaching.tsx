import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TeachingItem } from "~/components/teaching-item";
import { MY_TEACHING, type MyTeachingData } from "~/lib/documents/bookings";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import sessionsStyles from "~/styles/sessions.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionsStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("teaching.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const data = await gql<MyTeachingData>(context, MY_TEACHING);
  const past = data.past.edges.map((edge) => edge.node);
  return {
    upcoming: data.upcoming.edges.map((edge) => edge.node),
    // Sessions still waiting for their attendance come first: marking it is the trainer's job.
    past: [...past.filter((session) => session.attendance.unmarked > 0), ...past.filter((session) => session.attendance.unmarked === 0)],
  };
}

/** A trainer's own sessions: the ones ahead, and the ones held, with attendance to mark. */
export default function MyTeachingRoute() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const toMark = past.filter((session) => session.attendance.unmarked > 0).length;
  return (
    <div className="narrow my-bookings">
      <div className="page-head">
        <div>
          <h1>{t("teaching.title")}</h1>
          <p className="page-head__intro">
            {t("teaching.intro")} {t("booking.timeZoneNote")}
          </p>
        </div>
      </div>
      {toMark > 0 ? (
        <p className="notice" role="status" data-testid="teaching-to-mark">
          {t("teaching.toMark", { count: toMark })}
        </p>
      ) : null}
      <section aria-labelledby="teaching-past-title">
        <h2 id="teaching-past-title">{t("teaching.past")}</h2>
        {past.length === 0 ? <p>{t("teaching.pastEmpty")}</p> : null}
        <ul className="booking-list">
          {past.map((session) => (
            <li key={session.id}>
              <TeachingItem session={session} past />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="teaching-upcoming-title">
        <h2 id="teaching-upcoming-title">{t("teaching.upcoming")}</h2>
        {upcoming.length === 0 ? <p>{t("teaching.upcomingEmpty")}</p> : null}
        <ul className="booking-list">
          {upcoming.map((session) => (
            <li key={session.id}>
              <TeachingItem session={session} past={false} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
