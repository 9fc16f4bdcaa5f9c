import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TopicOption } from "~/lib/documents/resources";

type Props = { topics: TopicOption[]; selected: ReadonlySet<string>; error?: string | null };

/**
 * Qualified topics: a checkbox per topic, and a search box that hides the ones not matching (with
 * JavaScript; without it every topic is listed). Hidden checkboxes stay in the form, so searching
 * never drops a selection.
 */
export function TrainerTopicPicker({ topics, selected, error }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(selected);
  // The trainer's topics open the list (in the order they came, by title); ticking one later does
  // not move it, so the list never jumps under the pointer.
  const ordered = useMemo(() => [...topics.filter((topic) => selected.has(topic.id)), ...topics.filter((topic) => !selected.has(topic.id))], [topics, selected]);
  const needle = query.trim().toLocaleLowerCase();
  const visible = ordered.filter((topic) => !needle || topic.title.toLocaleLowerCase().includes(needle));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <fieldset className="trainer-fieldset" aria-describedby={error ? `${uid}-error` : undefined}>
      <legend id="field-topicIds">{t("resources.topicsTitle")}</legend>
      <div className="field">
        <label className="field__label" htmlFor={`${uid}-search`}>
          {t("resources.topicsSearch")}
        </label>
        <input id={`${uid}-search`} type="search" className="field__control" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <p className="field__hint" role="status">
        {t("resources.topicsSelected", { count: chosen.size })}
      </p>
      {error ? (
        <p className="field__error" id={`${uid}-error`}>
          {error}
        </p>
      ) : null}
      <ul className="trainer-checks">
        {ordered.map((topic) => (
          <li key={topic.id} hidden={!visible.includes(topic)}>
            <label>
              <input type="checkbox" name="topicIds" value={topic.id} checked={chosen.has(topic.id)} onChange={(event) => toggle(topic.id, event.target.checked)} />
              <span>{topic.title}</span>
            </label>
          </li>
        ))}
      </ul>
      {visible.length === 0 ? <p>{t("resources.topicsNone")}</p> : null}
    </fieldset>
  );
}
