import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField, TextField } from "~/components/form-fields";
import { SimilarTopicsHint } from "~/components/similar-topics-hint";
import { TopicKindFields } from "~/components/topic-kind-fields";
import { translateMessage } from "~/lib/i18n";
import { TOPIC_TITLE_MAX, type SuggestErrors } from "~/lib/topic-form";

type Values = { title: string; description: string; block: string; format: string; audience?: string };

export function SuggestTopicForm({ errors, values }: { errors?: SuggestErrors; values?: Values }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const summary = useRef<HTMLElement>(null);
  const msg = (m: string | undefined) => (m ? translateMessage(t, i18n, m) : undefined);
  const [draftTitle, setDraftTitle] = useState(values?.title ?? "");

  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);

  const list = (["form", "title", "description", "audience", "block", "format"] as const)
    .filter((f) => errors?.[f])
    .map((f) => ({ field: f === "form" ? undefined : f, message: msg(errors?.[f])! }));

  return (
    <div className="narrow">
      <h1>{t("suggest.title")}</h1>
      <p className="page-head__intro">{t("suggest.intro")}</p>
      {list.length > 0 ? <ErrorSummary ref={summary} title={t("suggest.errorSummary")} errors={list} /> : null}
      <Form method="post" className="form form--card" noValidate>
        <TextField
          label={t("suggest.fieldTitle")}
          hint={t("suggest.fieldTitleHint")}
          name="title"
          required
          maxLength={TOPIC_TITLE_MAX}
          defaultValue={values?.title}
          error={msg(errors?.title)}
          onChange={(e) => setDraftTitle(e.currentTarget.value)}
        />
        <SimilarTopicsHint title={draftTitle} />
        <TextAreaField
          label={t("suggest.fieldDescription")}
          hint={t("suggest.fieldDescriptionHint")}
          name="description"
          required
          rows={7}
          maxLength={2000}
          defaultValue={values?.description}
          error={msg(errors?.description)}
        />
        <TextField
          label={t("suggest.fieldAudience")}
          hint={t("suggest.fieldAudienceHint")}
          name="audience"
          maxLength={300}
          defaultValue={values?.audience}
          error={msg(errors?.audience)}
        />
        <TopicKindFields
          mustChoose
          block={values?.block ?? ""}
          format={values?.format ?? ""}
          errors={{ block: msg(errors?.block), format: msg(errors?.format) }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
            {submitting ? t("suggest.submitting") : t("suggest.submit")}
          </button>
          <Link to="/topics" className="button button--quiet">
            {t("suggest.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
