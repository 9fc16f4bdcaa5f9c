import { useTranslation } from "react-i18next";

/** Opens the browser's print dialogue; the print stylesheet lays the dashboard out for A4. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--secondary dashboard__print" onClick={() => window.print()}>
      {t("dashboard.print")}
    </button>
  );
}
