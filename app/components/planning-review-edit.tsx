import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "~/components/planning-calendar";
import type { ProposedSessionItem, ReviewRoom, ReviewTrainer, ViolationItem } from "~/lib/documents/proposals";

type Props = {
  session: ProposedSessionItem;
  /** The run's sessions, to name the one an edit would clash with. */
  sessions: ProposedSessionItem[];
  trainers: ReviewTrainer[];
  rooms: ReviewRoom[];
  violations: ViolationItem[];
  /** Field errors from the API (bad date or time), already phrased. */
  fieldErrors: string[];
  closeHref: string;
  /** The values the manager last tried, so a refused edit keeps them. */
  tried?: { date?: string; start?: string; trainerId?: string; roomId?: string };
};

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A refused edit's violations in the reader's language: dates written out, site codes as site
 * names, and a clash named by the session it clashes with when that session is in this proposal.
 */
export function ViolationList({ violations, rooms, sessions = [] }: { violations: ViolationItem[]; rooms: ReviewRoom[]; sessions?: ProposedSessionItem[] }) {
  const { t, i18n } = useTranslation();
  const siteNames = new Map(rooms.map((room) => [room.siteCode, room.siteName]));
  const topicOf = new Map(sessions.map((session) => [session.id, session.topic.title]));
  return (
    <ul className="planning-violations">
      {violations.map((violation, index) => {
        const params: Record<string, string> = Object.fromEntries(violation.params.map((param) => [param.name, param.value]));
        if (params.site) params.site = siteNames.get(params.site) ?? params.site;
        for (const [name, value] of Object.entries(params)) if (DATE_KEY.test(value)) params[name] = formatDay(value, i18n.language, "long");
        const other = params.otherId ? topicOf.get(params.otherId) : undefined;
        const code = other && (violation.code === "ROOM_OVERLAP" || violation.code === "TRAINER_OVERLAP") ? `${violation.code}_WITH` : violation.code;
        return <li key={`${violation.code}-${index}`}>{t(`proposal.violation.${code}` as "proposal.violation.ROOM_OVERLAP", { ...params, other, defaultValue: violation.code })}</li>;
      })}
    </ul>
  );
}

/**
 * The edit form of one proposed session: date, start, trainer, room. The API checks the result
 * against every hard constraint; a refusal comes back with the violations, shown above the fields
 * and focused so screen readers announce them.
 */
/** The form's label for each field the API may refuse ("trainerId" → "Тренер"). */
const FIELD_LABELS: Record<string, "proposal.date" | "proposal.start" | "proposal.trainer" | "proposal.room"> = {
  date: "proposal.date",
  start: "proposal.start",
  trainerId: "proposal.trainer",
  roomId: "proposal.room",
};

export function EditSessionForm({ session, sessions, trainers, rooms, violations, fieldErrors, closeHref, tried }: Props) {
  const { t } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const failed = violations.length > 0 || fieldErrors.length > 0;
  // The form opens at the top of the page: the keyboard goes there too (or to what was refused).
  useEffect(() => {
    if (failed) summary.current?.focus();
    else heading.current?.focus();
  }, [failed, violations, fieldErrors]);
  const titleId = `edit-${session.id}-title`;
  const qualified = trainers.filter((trainer) => trainer.topicIds.includes(session.topic.id));
  const others = trainers.filter((trainer) => !trainer.topicIds.includes(session.topic.id));
  return (
    <section className="planning-edit" id="edit" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t("proposal.editTitle", { title: session.topic.title })}
      </h2>
      {failed ? (
        <div className="planning-edit-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("proposal.violationsTitle")}</p>
          <ViolationList violations={violations} rooms={rooms} sessions={sessions} />
          <p className="planning-edit-errors__hint">{t("proposal.violationsHint")}</p>
          {fieldErrors.length > 0 ? (
            <ul className="planning-violations">
              {fieldErrors.map((field) => (
                <li key={field}>{t("proposal.fieldInvalid", { field: field in FIELD_LABELS ? t(FIELD_LABELS[field]) : field })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="planning-edit-form" preventScrollReset>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="id" value={session.id} />
        <input type="hidden" name="version" value={session.version} />
        <label className="field">
          <span className="field__label">{t("proposal.date")}</span>
          <input className="field__control" type="date" name="date" required defaultValue={tried?.date ?? session.date} />
        </label>
        <label className="field">
          <span className="field__label">{t("proposal.start")}</span>
          <input className="field__control" type="time" name="start" step={1800} required defaultValue={tried?.start ?? session.start} />
        </label>
        <label className="field">
          <span className="field__label">{t("proposal.trainer")}</span>
          <select className="field__control field__control--select" name="trainerId" defaultValue={tried?.trainerId ?? session.trainerId}>
            <optgroup label={t("proposal.trainersQualified")}>
              {qualified.map((trainer) => (
                <option key={trainer.id} value={trainer.id}>
                  {trainer.name}
                </option>
              ))}
            </optgroup>
            {others.length > 0 ? (
              <optgroup label={t("proposal.trainersOthers")}>
                {others.map((trainer) => (
                  <option key={trainer.id} value={trainer.id}>
                    {trainer.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        {session.online ? null : (
          <label className="field">
            <span className="field__label">{t("proposal.room")}</span>
            <select className="field__control field__control--select" name="roomId" defaultValue={tried?.roomId ?? session.roomId ?? ""}>
              {rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.siteName} · {room.name} ({t("proposal.roomCapacity", { count: room.capacity })})
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="planning-edit-actions">
          <button type="submit" className="button button--primary">
            {t("proposal.save")}
          </button>
          <Link to={closeHref} className="button button--secondary" preventScrollReset>
            {t("proposal.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

