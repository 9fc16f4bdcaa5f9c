import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/form-fields";
import { TopicKindFields } from "~/components/topic-kind-fields";
import type { EditableTopic } from "~/lib/documents";
import { translateMessage } from "~/lib/i18n";
import { topicPath } from "~/lib/topic-path";
import { BackLink } from "~/components/back-link";

const FIELD_ORDER = ["title", "description", "audience", "block", "format", "durationMinutes", "minParticipants", "maxParticipants"] as const;
type Field = (typeof FIELD_ORDER)[number];
export type EditValues = Record<Field, string>;
export type EditErrors = Partial<Record<Field | "form", string>>;

const DURATIONS = Array.from({ length: 16 }, (_, i) => (i + 1) * 30);

/** The manager's full topic form; the API's ValidationError messages land on their fields. */
export function EditTopicForm({ topic, errors, values }: { topic: EditableTopic; errors?: EditErrors; values?: EditValues }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const summary = useRef<HTMLElement>(null);
  const msg = (m: string | undefined) => (m ? translateMessage(t, i18n, m) : undefined);
  const v = (f: Field) => values?.[f] ?? String(topic[f]);

  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);

  const list = (["form", ...FIELD_ORDER] as const)
    .filter((f) => errors?.[f])
    .map((f) => ({ field: f === "form" ? undefined : f, message: msg(errors?.[f])! }));

  return (
    <div className="narrow">
      <BackLink to={topicPath(topic.id)}>{topic.title}</BackLink>
      <h1>{t("moderation.editTitle")}</h1>
      <p className="page-head__intro">{t("moderation.editIntro")}</p>
      {list.length > 0 ? <ErrorSummary ref={summary} title={t("suggest.errorSummary")} errors={list} /> : null}
      <Form method="post" className="form form--card" noValidate>
        <TextField label={t("suggest.fieldTitle")} hint={t("suggest.fieldTitleHint")} name="title" required maxLength={120} defaultValue={v("title")} error={msg(errors?.title)} />
        <TextAreaField
          label={t("suggest.fieldDescription")}
          hint={t("suggest.fieldDescriptionHint")}
          name="description"
          required
          rows={7}
          maxLength={2000}
          defaultValue={v("description")}
          error={msg(errors?.description)}
        />
        <TextField label={t("moderation.fieldAudience")} hint={t("moderation.fieldAudienceHint")} name="audience" maxLength={300} defaultValue={v("audience")} error={msg(errors?.audience)} />
        <TopicKindFields block={v("block")} format={v("format")} errors={{ block: msg(errors?.block), format: msg(errors?.format) }} />
        <div className="form__row">
          <SelectField label={t("moderation.fieldDuration")} name="durationMinutes" defaultValue={v("durationMinutes")} error={msg(errors?.durationMinutes)}>
            {DURATIONS.map((d) => (
              <option key={d} value={String(d)}>
                {t("topic.durationValue", { count: d })}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("moderation.fieldMin")}
            name="minParticipants"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue={v("minParticipants")}
            error={msg(errors?.minParticipants)}
          />
          <TextField
            label={t("moderation.fieldMax")}
            name="maxParticipants"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue={v("maxParticipants")}
            error={msg(errors?.maxParticipants)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
            {submitting ? t("moderation.saving") : t("moderation.save")}
          </button>
          <Link to={topicPath(topic.id)} className="button button--quiet">
            {t("moderation.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
