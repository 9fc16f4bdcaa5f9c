import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";

/** Empty rows offered for new days off (the form works without JavaScript). */
export const NEW_DAY_ROWS = 3;

type Props = { daysOff: Array<{ date: string; reason: string }>; errors?: FormErrors; values?: Record<string, string> };

/**
 * The trainer's days off as rows of date + reason: the saved ones (tick "Remove" to drop one) and
 * a few empty rows for new ones. Saving replaces the whole set.
 */
export function TrainerDaysOff({ daysOff, errors, values }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel trainer-section" aria-labelledby="days-off">
      <h2 id="days-off">{t("resources.daysOffTitle")}</h2>
      <p className="field__hint">{t("resources.daysOffHint")}</p>
      <Form method="post" className="form" noValidate>
        {errors ? <ResourceErrorSummary errors={errors} /> : null}
        <input type="hidden" name="intent" value="daysOff" />
        <TrainerDayOffRows daysOff={daysOff} errors={errors} values={values} />
        <div>
          <button type="submit" className="button button--secondary">
            {t("resources.saveDaysOff")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/**
 * The rows themselves, inside the caller's form (the trainer page's days-off form, or the new
 * trainer form). After a failed submission the posted rows come back as they were.
 */
export function TrainerDayOffRows({ daysOff, errors, values }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const saved = errors ? Number(values?.saved ?? 0) : daysOff.length;
  const rows = errors ? Number(values?.rows ?? 0) : daysOff.length + NEW_DAY_ROWS;
  const value = (name: string, index: number) => (errors ? values?.[name] : daysOff[index]?.[name.split("-")[2] as "date" | "reason"]) ?? "";
  const fieldError = (name: string) => (errors?.fields?.[name] ? dynamicT(errors.fields[name]) : null);
  return (
    <>
      <input type="hidden" name="rows" value={rows} />
      <input type="hidden" name="saved" value={saved} />
      <ul className="trainer-days">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index}>
            <fieldset className="trainer-day trainer-fieldset">
              <legend className="visually-hidden">{t("resources.dayOffRow", { n: index + 1 })}</legend>
              <TextField name={`day-${index}-date`} type="date" label={t("resources.dayOffDate")} defaultValue={value(`day-${index}-date`, index)} error={fieldError(`day-${index}-date`)} />
              <TextField
                name={`day-${index}-reason`}
                label={t("resources.dayOffReason")}
                maxLength={200}
                defaultValue={value(`day-${index}-reason`, index)}
                error={fieldError(`day-${index}-reason`)}
              />
              {index < saved ? (
                <label className="trainer-check">
                  <input type="checkbox" name={`day-${index}-remove`} defaultChecked={errors ? values?.[`day-${index}-remove`] === "on" : false} />
                  <span>{t("resources.removeDayOff")}</span>
                </label>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ul>
    </>
  );
}
