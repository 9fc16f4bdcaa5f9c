import { useTranslation } from "react-i18next";
import { useDynamicT } from "~/components/resource-form-errors";
import { DAY_END, DAY_START, SLOT_MINUTES, WEEKDAYS, formatMinute } from "~/lib/availability-cells";
import type { TrainerWindow } from "~/lib/documents/resources";

/** Windows shown per weekday: at least three, more when the trainer already has more. */
export function slotsPerDay(windows: TrainerWindow[]): number {
  return Math.max(3, ...WEEKDAYS.map((day) => windows.filter((w) => w.weekday === day).length));
}

/** Field names of one window: `w-<weekday>-<slot>-from` / `-to`. */
export const windowField = (weekday: number, slot: number, end: "from" | "to") => `w-${weekday}-${slot}-${end}`;

const TIMES = Array.from({ length: (DAY_END - DAY_START) / SLOT_MINUTES + 1 }, (_, i) => DAY_START + i * SLOT_MINUTES);

type Props = { windows: TrainerWindow[]; values?: Record<string, string>; errors?: Record<string, string> };

/**
 * The weekly availability as from/to pairs, weekday by weekday (a trainer's windows have one
 * strength, so the painted staff grid is more than needed). Works without JavaScript.
 */
export function TrainerWeekFields({ windows, values, errors }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const slots = slotsPerDay(windows);
  return (
    <fieldset className="trainer-fieldset">
      <legend>{t("resources.availabilityTitle")}</legend>
      <p className="field__hint">{t("resources.availabilityHint")}</p>
      <div className="trainer-week">
        {WEEKDAYS.map((day) => {
          const dayName = t(`availability.weekdays.${day}`);
          const mine = windows.filter((w) => w.weekday === day);
          return (
            <div className="trainer-week__day" key={day}>
              <span className="field__label" aria-hidden="true">
                {dayName}
              </span>
              {Array.from({ length: slots }, (_, slot) => {
                const from = windowField(day, slot, "from");
                const to = windowField(day, slot, "to");
                const error = errors?.[from] ?? errors?.[to];
                const errorId = `field-${from}-error`;
                const initial = (end: "from" | "to") => {
                  if (values) return values[end === "from" ? from : to] ?? "";
                  const window = mine[slot];
                  return window ? String(end === "from" ? window.startMinute : window.endMinute) : "";
                };
                return (
                  <fieldset className="trainer-window" key={slot} aria-describedby={error ? errorId : undefined}>
                    <legend className="visually-hidden">{t("resources.windowLabel", { day: dayName, n: slot + 1 })}</legend>
                    {(["from", "to"] as const).map((end) => (
                      <label key={end} className="trainer-check">
                        <span>{t(`resources.${end}`)}</span>
                        <select
                          id={`field-${end === "from" ? from : to}`}
                          name={end === "from" ? from : to}
                          defaultValue={initial(end)}
                          className="field__control field__control--select"
                          aria-invalid={error ? true : undefined}
                        >
                          <option value="">{t("resources.notSet")}</option>
                          {TIMES.map((minute) => (
                            <option key={minute} value={minute}>
                              {formatMinute(minute)}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                    {error ? (
                      <p className="field__error" id={errorId}>
                        {dynamicT(error)}
                      </p>
                    ) : null}
                  </fieldset>
                );
              })}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
