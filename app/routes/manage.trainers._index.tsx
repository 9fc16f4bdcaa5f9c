import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { centreWallClock, dateKey } from "../../domain/centre-time";
import { TrainerTable } from "~/components/trainer-table";
import { TRAINERS_PAGE, type TrainersPageData } from "~/lib/documents/resources";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import resourcesStyles from "~/styles/resources.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resourcesStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("resources.trainersTitle"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireManager(request, context);
  const { trainers } = await gql<TrainersPageData>(context, TRAINERS_PAGE);
  // Days off ahead are counted from the centre's today.
  return { trainers, today: dateKey(centreWallClock(new Date()).date) };
}

export default function ManageTrainersRoute() {
  const { trainers, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="resources">
      <h1>{t("resources.trainersTitle")}</h1>
      <p className="page-intro">{t("resources.trainersIntro")}</p>
      <p>
        <Link to="/manage/trainers/new" className="button button--primary">
          {t("resources.addTrainer")}
        </Link>
      </p>
      {trainers.length === 0 ? <p>{t("resources.trainersEmpty")}</p> : <TrainerTable trainers={trainers} today={today} />}
    </div>
  );
}
