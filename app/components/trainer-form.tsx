import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";
import { TrainerDaysOff } from "~/components/trainer-days-off";
import { TrainerTopicPicker } from "~/components/trainer-topic-picker";
import { TrainerWeekFields } from "~/components/trainer-week-fields";
import type { TopicOption, TrainerDetail } from "~/lib/documents/resources";

type Props = {
  trainer: TrainerDetail;
  sites: Array<{ id: string; name: string }>;
  topics: TopicOption[];
  errors?: FormErrors;
  values?: Record<string, string>;
  /** Checkbox values of a failed submission (several per name). */
  lists?: { topicIds: string[]; siteIds: string[] };
};

/** The trainer's page: the main form (name, hours, topics, sites, week) and the days-off form. */
export function TrainerForm({ trainer, sites, topics, errors, values, lists }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const main = errors?.scope === "trainer" ? errors : undefined;
  const fieldError = (field: string) => (main?.fields?.[field] ? dynamicT(main.fields[field]) : null);
  const siteIds = new Set(lists?.siteIds ?? trainer.sites.map((site) => site.id));
  const topicIds = new Set(lists?.topicIds ?? trainer.topics.map((topic) => topic.id));
  return (
    <>
      <section className="trainer-section" aria-labelledby="trainer-main">
        <h2 id="trainer-main" className="visually-hidden">
          {t("resources.trainerTitle", { name: trainer.name })}
        </h2>
        <Form method="post" className="form" noValidate>
          {main ? <ResourceErrorSummary errors={main} /> : null}
          <input type="hidden" name="intent" value="trainer" />
          <TextField name="name" label={t("resources.trainerName")} defaultValue={main ? values?.name : trainer.name} error={fieldError("name")} maxLength={100} required />
          <TextField
            name="maxHoursPerWeek"
            label={t("resources.maxHours")}
            hint={t("resources.maxHoursHint")}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            defaultValue={main ? values?.maxHoursPerWeek : String(trainer.maxHoursPerWeek)}
            error={fieldError("maxHoursPerWeek")}
            required
          />
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
          <TrainerWeekFields windows={trainer.availability} values={main ? values : undefined} errors={main?.fields} />
          <div>
            <button type="submit" className="button button--primary">
              {t("resources.save")}
            </button>
          </div>
        </Form>
      </section>
      <TrainerDaysOff daysOff={trainer.daysOff} errors={errors?.scope === "daysOff" ? errors : undefined} values={values} />
    </>
  );
}
