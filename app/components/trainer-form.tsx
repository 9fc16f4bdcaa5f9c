import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";
import { TrainerDayOffRows, TrainerDaysOff } from "~/components/trainer-days-off";
import { TrainerTopicPicker } from "~/components/trainer-topic-picker";
import { TrainerWeekFields } from "~/components/trainer-week-fields";
import type { TopicOption, TrainerDetail } from "~/lib/documents/resources";

type Props = {
  /** null: a new trainer (one form, days off included). */
  trainer: TrainerDetail | null;
  sites: Array<{ id: string; name: string }>;
  topics: TopicOption[];
  errors?: FormErrors;
  values?: Record<string, string>;
  /** Checkbox values of a failed submission (several per name). */
  lists?: { topicIds: string[]; siteIds: string[] };
};

/** The default weekly limit of a new trainer (the database's default too). */
const NEW_TRAINER_HOURS = 30;

/**
 * The trainer form (name, hours, account, sites, topics, week). On the trainer's page the days off
 * are a form of their own below it; for a new trainer they are part of the one form.
 */
export function TrainerForm({ trainer, sites, topics, errors, values, lists }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const main = errors?.scope === "trainer" ? errors : undefined;
  const fieldError = (field: string) => (main?.fields?.[field] ? dynamicT(main.fields[field]) : null);
  const siteIds = new Set(lists?.siteIds ?? trainer?.sites.map((site) => site.id) ?? []);
  const topicIds = new Set(lists?.topicIds ?? trainer?.topics.map((topic) => topic.id) ?? []);
  return (
    <>
      <section className="panel trainer-section" aria-labelledby="trainer-main">
        <h2 id="trainer-main" className="visually-hidden">
          {trainer ? t("resources.trainerTitle", { name: trainer.name }) : t("resources.newTrainerTitle")}
        </h2>
        <Form method="post" className="form" noValidate>
          {main ? <ResourceErrorSummary errors={main} /> : null}
          <input type="hidden" name="intent" value="trainer" />
          <TextField name="name" label={t("resources.trainerName")} defaultValue={main ? values?.name : (trainer?.name ?? "")} error={fieldError("name")} maxLength={100} required />
          <TextField
            name="maxHoursPerWeek"
            label={t("resources.maxHours")}
            hint={t("resources.maxHoursHint")}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            defaultValue={main ? values?.maxHoursPerWeek : String(trainer?.maxHoursPerWeek ?? NEW_TRAINER_HOURS)}
            error={fieldError("maxHoursPerWeek")}
            required
          />
          <TrainerAccountFields trainer={trainer} error={fieldError("userEmail")} values={main ? values : undefined} />
          <fieldset className="trainer-fieldset" aria-describedby={fieldError("siteIds") ? "field-siteIds-error" : "field-siteIds-hint"}>
            <legend id="field-siteIds">{t("resources.sitesTitle")}</legend>
            <p className="field__hint" id="field-siteIds-hint">
              {t("resources.sitesHint")}
            </p>
            {fieldError("siteIds") ? (
              <p className="field__error" id="field-siteIds-error">
                {fieldError("siteIds")}
              </p>
            ) : null}
            {sites.map((site) => (
              <label key={site.id} className="trainer-check">
                <input type="checkbox" name="siteIds" value={site.id} defaultChecked={siteIds.has(site.id)} />
                <span>{site.name}</span>
              </label>
            ))}
          </fieldset>
          <TrainerTopicPicker topics={topics} selected={topicIds} error={fieldError("topicIds")} />
          <TrainerWeekFields windows={trainer?.availability ?? []} values={main ? values : undefined} errors={main?.fields} />
          {trainer ? null : (
            <fieldset className="trainer-fieldset">
              <legend id="days-off">{t("resources.daysOffTitle")}</legend>
              <p className="field__hint">{t("resources.newDaysOffHint")}</p>
              <TrainerDayOffRows daysOff={[]} errors={main} values={values} />
            </fieldset>
          )}
          <div>
            <button type="submit" className="button button--primary">
              {trainer ? t("resources.save") : t("resources.createTrainer")}
            </button>
          </div>
        </Form>
      </section>
      {trainer ? <TrainerDaysOff daysOff={trainer.daysOff} errors={errors?.scope === "daysOff" ? errors : undefined} values={values} /> : null}
    </>
  );
}

/**
 * The trainer's own account in Spros (to mark attendance), by e-mail. Managers do not see other
 * people's e-mails, so a linked account is shown by name: type another e-mail to link that one
 * instead, or tick "unlink". An empty field keeps the link as it is.
 */
function TrainerAccountFields({ trainer, error, values }: { trainer: TrainerDetail | null; error: string | null; values?: Record<string, string> }) {
  const { t } = useTranslation();
  const linked = trainer?.user ?? null;
  return (
    <fieldset className="trainer-fieldset">
      <legend>{t("resources.accountTitle")}</legend>
      {linked ? <p>{t("resources.linkedUser", { name: linked.name })}</p> : null}
      <TextField
        name="userEmail"
        type="email"
        autoComplete="off"
        label={linked ? t("resources.accountOther") : t("resources.accountEmail")}
        hint={t("resources.accountHint")}
        defaultValue={values?.userEmail ?? ""}
        error={error}
        maxLength={254}
      />
      {linked ? (
        <label className="trainer-check">
          <input type="checkbox" name="unlinkUser" defaultChecked={values?.unlinkUser === "on"} />
          <span>{t("resources.accountUnlink", { name: linked.name })}</span>
        </label>
      ) : null}
    </fieldset>
  );
}
