import { useTranslation } from "react-i18next";
import { WEEKDAYS } from "~/lib/availability-cells";

/**
 * The header row of a weekday × time table (the availability grid, the demand heat map): short
 * day names on screen, full names for screen readers, and a labelled corner over the time column.
 */
export function WeekdayHeaderRow({ cornerClassName, dayClassName }: { cornerClassName: string; dayClassName?: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="col" className={cornerClassName}>
        <span className="visually-hidden">{t("availability.time")}</span>
      </th>
      {WEEKDAYS.map((d) => (
        <th key={d} scope="col" className={dayClassName}>
          <abbr title={t(`availability.weekdays.${d}`)} aria-hidden="true">
            {t(`availability.weekdaysShort.${d}`)}
          </abbr>
          <span className="visually-hidden">{t(`availability.weekdays.${d}`)}</span>
        </th>
      ))}
    </tr>
  );
}
