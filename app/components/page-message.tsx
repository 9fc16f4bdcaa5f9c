import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A full-page message (not found, error) with a way back to the topics. */
export function PageMessage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-message">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link className="button button--secondary" to="/topics">
          {t("errors.toTopics")}
        </Link>
      </p>
    </div>
  );
}
