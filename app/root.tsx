import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { Provider as UrqlProvider } from "urql";
import { AnnouncerProvider } from "~/components/announcer";
import { LiveUpdates } from "~/components/live-updates";
import { PageMessage } from "~/components/page-message";
import { SiteHeader } from "~/components/site-header";
import { LiveStatuses } from "~/components/status-badge";
import { getViewer } from "~/lib/graphql.server";
import { getI18n } from "~/lib/i18n";
import { resolveLocale } from "~/lib/locale.server";
import { pageMeta } from "~/lib/meta";
import { getUrqlClient } from "~/lib/urql-client";
import { DEFAULT_LOCALE } from "~/locales/shape";
import baseStyles from "~/styles/base.css";
import controlsStyles from "~/styles/controls.css";
import layoutStyles from "~/styles/layout.css";
import pagesStyles from "~/styles/pages.css";
import topicsStyles from "~/styles/topics.css";
import voteStyles from "~/styles/vote.css";
import commentsStyles from "~/styles/comments.css";
import moderationStyles from "~/styles/moderation.css";
import notificationsStyles from "~/styles/notifications.css";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  ...[baseStyles, controlsStyles, layoutStyles, topicsStyles, voteStyles, pagesStyles, commentsStyles, moderationStyles, notificationsStyles].map((href) => ({
    rel: "stylesheet",
    href,
  })),
];

/** The tab's title when an error reached this boundary (a page's own meta names it otherwise). */
export const meta: MetaFunction = ({ matches, error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "errors.notFoundTitle" : status === 429 ? "errors.rateLimitedTitle" : status === 503 ? "errors.unavailableTitle" : "errors.title";
  return pageMeta(matches, (t) => t(key));
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return { viewer, locale: resolveLocale(request, viewer) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => getI18n(locale), [locale]);
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0e4d55" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <AnnouncerProvider>
            <SkipLink />
            <SiteHeader viewer={data?.viewer ?? null} locale={locale} />
            <main id="main" className="page" tabIndex={-1}>
              {children}
            </main>
            <SiteFooter />
          </AnnouncerProvider>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const client = useMemo(() => getUrqlClient(), []);
  useFocusMainOnNavigation();
  return (
    <UrqlProvider value={client}>
      <LiveUpdates enabled={Boolean(data?.viewer)} />
      <LiveStatuses enabled={Boolean(data?.viewer)} />
      <Outlet />
    </UrqlProvider>
  );
}

/**
 * After a client-side navigation to another page, move focus to <main> (as a full page load would
 * reset it), so keyboard and screen-reader users start at the new content, not a stale link.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [pathname]);
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("app.skipToContent")}
    </a>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("app.footer")}</p>
    </footer>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const seconds = isRouteErrorResponse(error) ? Number(error.data?.retryAfterSeconds ?? 60) : 60;
  if (status === 404) return <PageMessage title={t("errors.notFoundTitle")} text={t("errors.notFoundText")} />;
  if (status === 429) return <PageMessage title={t("errors.rateLimitedTitle")} text={t("errors.rateLimitedText", { seconds })} />;
  if (status === 503) return <PageMessage title={t("errors.unavailableTitle")} text={t("errors.unavailableText")} />;
  console.error(error);
  return <PageMessage title={t("errors.title")} text={t("errors.text")} />;
}
