import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "~/components/notification-bell";
import { MODERATOR_ROLES, type Viewer } from "~/lib/documents";
import type { Locale } from "~/locales/shape";

export function SiteHeader({ viewer, locale }: { viewer: Viewer | null; locale: Locale }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls: keep the current section in sight after every navigation (sideways
  // only; scrollIntoView would also move the page, e.g. away from a #card it was sent to).
  useEffect(() => {
    const row = nav.current;
    const current = row?.querySelector('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    const box = row.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    row.scrollLeft += link.left - box.left - (box.width - link.width) / 2;
  }, [pathname]);
  // One's own bookings belong to the sessions section.
  const inSessions = pathname.startsWith("/sessions") || pathname.startsWith("/my/bookings");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="brand" to={viewer ? "/topics" : "/"}>
          <BrandMark />
          <span className="brand__name">{t("app.name")}</span>
        </Link>
        {viewer ? (
          <nav className="main-nav" aria-label={t("app.mainNav")} ref={nav}>
            <ul>
              <li>
                <NavLink to="/topics" end>
                  {t("nav.topics")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/topics/new">{t("nav.suggest")}</NavLink>
              </li>
              <li>
                <Link to="/sessions" aria-current={inSessions ? "page" : undefined}>
                  {t("booking.nav")}
                </Link>
              </li>
              <li>
                <NavLink to="/my/votes">{t("nav.myVotes")}</NavLink>
              </li>
              <li>
                <NavLink to="/my/suggestions">{t("nav.mySuggestions")}</NavLink>
              </li>
              <li>
                <NavLink to="/profile">{t("nav.availability")}</NavLink>
              </li>
              {viewer.role === "TRAINER" ? (
                <li>
                  <NavLink to="/my/teaching">{t("teaching.nav")}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="site-header__tools">
          <LanguageSwitch locale={locale} />
          {viewer ? <NotificationBell viewer={viewer} /> : null}
          {viewer ? (
            <Form method="post" action="/logout" className="account">
              <p className="account__name">
                <span className="visually-hidden">{t("app.signedInAs", { name: viewer.name })}</span>
                <span aria-hidden="true">{viewer.name}</span>
              </p>
              <button type="submit" className="button button--quiet">
                {t("app.signOut")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {viewer && MODERATOR_ROLES.has(viewer.role) ? <ManageNav /> : null}
    </header>
  );
}

/** Managers' tools on a row of their own, so the staff navigation keeps one line. */
function ManageNav() {
  const { t } = useTranslation();
  return (
    <nav className="manage-nav" aria-labelledby="manage-nav-title">
      <div className="manage-nav__inner">
        <span id="manage-nav-title" className="manage-nav__title">
          {t("app.manageNav")}
        </span>
        <ul>
          <li>
            <NavLink to="/manage/dashboard">{t("dashboard.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/manage/planning">{t("planning.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/manage/resources">{t("resources.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/manage/trainers">{t("resources.trainersNav")}</NavLink>
          </li>
        </ul>
      </div>
    </nav>
  );
}

/** Posts to /locale (works without JavaScript) and comes back to the same page. */
function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other: Locale = locale === "ru" ? "en" : "ru";
  return (
    <Form method="post" action="/locale" className="language-switch">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="lng" value={other} lang={other} className="button button--quiet">
        <GlobeIcon />
        <span className="language-switch__name">{t(`locale.${other}`)}</span>
        {/* On a phone the header keeps one row for the brand and the tools: the code stands in. */}
        <span className="language-switch__code" aria-hidden="true">
          {other.toUpperCase()}
        </span>
      </button>
    </Form>
  );
}

function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 21.5v-5M16 21.5v-11M23 21.5v-8" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function GlobeIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="7.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M2.75 10h14.5M10 2.75c2 2.2 3 4.6 3 7.25s-1 5.05-3 7.25c-2-2.2-3-4.6-3-7.25s1-5.05 3-7.25z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
