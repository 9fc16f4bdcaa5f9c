import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanningTopicChoice } from "~/lib/documents/planning";

export const DEFAULT_TOPIC_COUNT = 30;
export const WEEK_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export type PlanningFormErrors = Partial<Record<"horizonStart" | "weeks" | "timeLimitSeconds" | "topicIds" | "form", string>>;
export type PlanningFormValues = { horizonStart: string; weeks: string; timeLimitSeconds: string; topicIds: string[] };

/**
 * Starts a planning run: the first day (a date, by default next Monday), 1–8 weeks, the solver's
 * time limit and the topics to plan (by default the ones with the most votes). Works without
 * JavaScript; the API checks every limit again.
 */
export function PlanningRunForm({
  topics,
  defaults,
  errors,
  values,
}: {
  topics: PlanningTopicChoice[];
  defaults: PlanningFormValues;
  errors?: PlanningFormErrors;
  values?: PlanningFormValues;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const topicBoxes = useRef<HTMLFieldSetElement>(null);
  const boxes = () => [...(topicBoxes.current?.querySelectorAll<HTMLInputElement>('input[name="topicIds"]') ?? [])];
  // The count and "all / none" need JavaScript; without it the boxes are ticked one by one.
  const [chosen, setChosen] = useState<number | null>(null);
  const recount = () => setChosen(boxes().filter((box) => box.checked).length);
  useEffect(recount, [values, defaults]);
  const tickAll = (on: boolean) => {
    for (const box of boxes()) box.checked = on;
    recount();
  };
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "start";
  const current = values ?? defaults;
  const checked = new Set(current.topicIds);
  const fieldError = (name: keyof PlanningFormErrors) =>
    errors?.[name] ? (
      <p className="field__error" id={`planning-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const described = (name: keyof PlanningFormErrors, hint?: string) =>
    [hint, errors?.[name] ? `planning-${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <Form method="post" className="panel planning-form" aria-labelledby="planning-form-title">
      <h2 id="planning-form-title">{t("planning.formTitle")}</h2>
      <input type="hidden" name="intent" value="start" />
      {fieldError("form")}
      <div className="planning-form__row">
        <div className="field">
          <label className="field__label" htmlFor="planning-horizonStart">{t("planning.horizonStart")}</label>
          <input
            id="planning-horizonStart"
            className="field__control"
            type="date"
            name="horizonStart"
            required
            defaultValue={current.horizonStart}
            aria-invalid={errors?.horizonStart ? true : undefined}
            aria-describedby={described("horizonStart")}
          />
          {fieldError("horizonStart")}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="planning-weeks">{t("planning.weeks")}</label>
          <select id="planning-weeks" className="field__control field__control--select" name="weeks" defaultValue={current.weeks} aria-invalid={errors?.weeks ? true : undefined} aria-describedby={described("weeks")}>
            {WEEK_CHOICES.map((weeks) => (
              <option key={weeks} value={weeks}>
                {t("planning.weekCount", { count: weeks })}
              </option>
            ))}
          </select>
          {fieldError("weeks")}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="planning-timeLimit">{t("planning.timeLimit")}</label>
          <input
            id="planning-timeLimit"
            className="field__control"
            type="number"
            name="timeLimitSeconds"
            min={1}
            max={120}
            step={1}
            required
            defaultValue={current.timeLimitSeconds}
            aria-invalid={errors?.timeLimitSeconds ? true : undefined}
            aria-describedby={described("timeLimitSeconds", "planning-timeLimit-hint")}
          />
          <p className="field__hint" id="planning-timeLimit-hint">
            {t("planning.timeLimitHint")}
          </p>
          {fieldError("timeLimitSeconds")}
        </div>
      </div>
      <fieldset
        ref={topicBoxes}
        className="planning-form__topics"
        aria-describedby={described("topicIds", "planning-topics-hint")}
        onChange={recount}
      >
        <legend>{t("planning.topics")}</legend>
        <p className="field__hint" id="planning-topics-hint">
          {t("planning.topicsHint", { count: DEFAULT_TOPIC_COUNT })}
        </p>
        {chosen !== null && topics.length > 0 ? (
          <div className="planning-form__topic-tools">
            <p className="planning-form__topic-count" role="status" data-testid="planning-topic-count">
              {t("planning.topicsChosen", { count: chosen, total: topics.length })}
            </p>
            <button type="button" className="button button--quiet" onClick={() => tickAll(true)}>
              {t("planning.topicsAll")}
            </button>
            <button type="button" className="button button--quiet" onClick={() => tickAll(false)}>
              {t("planning.topicsNone")}
            </button>
          </div>
        ) : null}
        {topics.length === 0 ? <p>{t("planning.noTopics")}</p> : null}
        <ul className="planning-form__topic-list">
          {topics.map((topic) => (
            <li key={topic.id}>
              <label>
                <input type="checkbox" name="topicIds" value={topic.id} defaultChecked={checked.has(topic.id)} />
                <span className="planning-form__topic-title">{topic.title}</span>
                <span className="planning-form__topic-votes">{t("planning.votes", { count: topic.voteCount })}</span>
              </label>
            </li>
          ))}
        </ul>
        {fieldError("topicIds")}
      </fieldset>
      <div className="planning-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("planning.starting") : t("planning.start")}
        </button>
      </div>
    </Form>
  );
}
