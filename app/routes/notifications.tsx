import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationList } from "~/components/notification-list";
import {
  MARK_ALL_NOTIFICATIONS_READ,
  MARK_NOTIFICATIONS_READ,
  NOTIFICATIONS,
  type MarkAllNotificationsReadData,
  type MarkNotificationsReadData,
  type NotificationsData,
} from "~/lib/documents";
import { gql, requireUser, safeRedirect } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("notifications.title"));

const PAGE_SIZE = 30;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const after = new URL(request.url).searchParams.get("after") || null;
  const { me } = await gql<NotificationsData>(context, NOTIFICATIONS, { first: PAGE_SIZE, after });
  return {
    notifications: me.notifications.edges.map((e) => e.node),
    unreadCount: me.unreadNotificationCount,
    nextCursor: me.notifications.pageInfo.hasNextPage ? me.notifications.pageInfo.endCursor : null,
    now: Date.now(),
  };
}

/** Mark one notification or all of them read, then back to the list (works without JavaScript). */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "readAll") await gql<MarkAllNotificationsReadData>(context, MARK_ALL_NOTIFICATIONS_READ);
  else if (intent === "read" && form.get("id")) {
    await gql<MarkNotificationsReadData>(context, MARK_NOTIFICATIONS_READ, { ids: [String(form.get("id"))] });
  }
  throw redirect(safeRedirect(form.get("redirectTo"), "/notifications"));
}

export default function NotificationsRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>{t("notifications.title")}</h1>
          <p className="page-head__intro">{t("notifications.intro")}</p>
        </div>
      </div>
      <NotificationList {...data} />
    </div>
  );
}
