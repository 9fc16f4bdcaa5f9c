import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMinute } from "~/lib/availability-cells";
import type { TrainerSummary, TrainerWindow } from "~/lib/documents/resources";

/** Every trainer in one table: weekly hours, topic count, sites, weekly windows, days off ahead. */
export function TrainerTable({ trainers, today }: { trainers: TrainerSummary[]; today: string }) {
  const { t } = useTranslation();
  const week = (windows: TrainerWindow[]) =>
    windows.length === 0
      ? t("resources.noAvailability")
      : windows.map((w) => `${t(`availability.weekdaysShort.${w.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)} ${formatMinute(w.startMinute)}–${formatMinute(w.endMinute)}`).join(", ");
  return (
    // On a phone the table scrolls in its own box (focusable, so the keyboard can scroll it too).
    <div className="table-scroll" role="region" aria-label={t("resources.trainersTitle")} tabIndex={0}>
      <table className="trainer-table">
        <thead>
          <tr>
            <th scope="col">{t("resources.colName")}</th>
            <th scope="col">{t("resources.colHours")}</th>
            <th scope="col">{t("resources.colTopics")}</th>
            <th scope="col">{t("resources.colSites")}</th>
            <th scope="col">{t("resources.colAvailability")}</th>
            <th scope="col">{t("resources.colDaysOff")}</th>
          </tr>
        </thead>
        <tbody>
          {trainers.map((trainer) => (
            <tr key={trainer.id}>
              <th scope="row">
                <Link to={`/manage/trainers/${encodeURIComponent(trainer.id)}`} aria-label={t("resources.editLabel", { name: trainer.name })}>
                  {trainer.name}
                </Link>
              </th>
              <td>{trainer.maxHoursPerWeek}</td>
              <td>{trainer.topics.length}</td>
              <td>{trainer.sites.map((site) => site.name).join(", ")}</td>
              <td>{week(trainer.availability)}</td>
              <td>{trainer.daysOff.filter((day) => day.date >= today).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
