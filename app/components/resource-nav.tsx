import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Switches between the resource pages: sites and rooms, trainers. */
export function ResourceNav() {
  const { t } = useTranslation();
  return (
    <nav className="resource-nav" aria-label={t("resources.nav")}>
      <ul>
        <li>
          <NavLink to="/manage/resources" end>
            {t("resources.title")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/manage/trainers">{t("resources.trainersNav")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
