import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProposedSessionItem } from "~/lib/documents/proposals";
import { intlLocale } from "~/lib/format";
import { useMediaQuery } from "~/lib/use-media-query";

export type Grouping = "room" | "trainer";

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" plus `days`. */
export function addDaysKey(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `key`. */
export function mondayOf(key: string): string {
  const weekday = (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDaysKey(key, -weekday);
}

export function formatDay(key: string, locale: string, style: "short" | "long" = "short"): string {
  return new Date(`${key}T00:00:00Z`).toLocaleDateString(intlLocale(locale), {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: style === "long" ? "long" : "short",
  });
}

function groupOf(session: ProposedSessionItem, grouping: Grouping, onlineLabel: string): { key: string; label: string } {
  if (grouping === "trainer") return { key: session.trainerId, label: session.trainerName };
  if (session.online || !session.roomId) return { key: "online", label: onlineLabel };
  return { key: session.roomId, label: `${session.site?.name ?? ""} · ${session.roomName ?? ""}` };
}

type Props = {
  sessions: ProposedSessionItem[];
  weekStart: string;
  grouping: Grouping;
  /** Builds the link that opens a session's edit form. */
  editHref: (sessionId: string) => string;
  selected: ReadonlySet<string>;
};

/**
 * One week of proposed sessions: a column per day, a row per site and room (or per trainer).
 * Checkboxes belong to the page's approve form (by its id), so each session's remove button can be
 * a form of its own.
 */
export function PlanningCalendar({ sessions, weekStart, grouping, editHref, selected }: Props) {
  const { t, i18n } = useTranslation();
  const days = Array.from({ length: 7 }, (_, index) => addDaysKey(weekStart, index));
  const inWeek = sessions.filter((session) => session.date >= days[0] && session.date <= days[6]);
  const groups = new Map<string, string>();
  for (const session of inWeek) {
    const group = groupOf(session, grouping, t("proposal.online"));
    groups.set(group.key, group.label);
  }
  const rows = [...groups.entries()].sort((a, b) => a[1].localeCompare(b[1], i18n.language));
  const range = { from: formatDay(days[0], i18n.language, "long"), to: formatDay(days[6], i18n.language, "long") };

  // A week's table needs a wide screen; a phone gets the same sessions as a list by day.
  const narrow = useMediaQuery("(max-width: 40rem)");
  if (rows.length === 0) return <p className="planning-empty">{t("proposal.noSessionsWeek")}</p>;
  if (narrow) {
    return (
      <div className="planning-days" aria-label={t("proposal.calendarCaption", range)} role="region">
        {days.map((day) => {
          const ofDay = inWeek.filter((session) => session.date === day).sort((a, b) => a.start.localeCompare(b.start));
          if (ofDay.length === 0) return null;
          return (
            <section key={day} className="planning-day" aria-labelledby={`planning-day-${day}`}>
              <h3 id={`planning-day-${day}`}>{formatDay(day, i18n.language, "long")}</h3>
              {ofDay.map((session) => (
                <SessionCard key={session.id} session={session} grouping={grouping} editHref={editHref(session.id)} checked={selected.has(session.id)} both />
              ))}
            </section>
          );
        })}
      </div>
    );
  }
  return (
    <div className="planning-calendar-scroll" tabIndex={0} role="region" aria-label={t("proposal.calendarCaption", range)}>
      <table className="planning-calendar">
        <caption className="visually-hidden">{t("proposal.calendarCaption", range)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("proposal.group")}</th>
            {days.map((day) => (
              <th scope="col" key={day}>
                {formatDay(day, i18n.language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {days.map((day) => (
                <td key={day}>
                  {inWeek
                    .filter((session) => session.date === day && groupOf(session, grouping, "").key === key)
                    .map((session) => (
                      <SessionCard key={session.id} session={session} grouping={grouping} editHref={editHref(session.id)} checked={selected.has(session.id)} />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SessionCard(props: { session: ProposedSessionItem; grouping: Grouping; editHref: string; checked: boolean; both?: boolean }) {
  const { session, grouping } = props;
  const { t, i18n } = useTranslation();
  const time = `${session.start}–${session.end}`;
  const labelFacts = { title: session.topic.title, date: formatDay(session.date, i18n.language), time };
  const approved = session.state === "APPROVED";
  const place = session.online ? t("proposal.online") : `${session.site?.name ?? ""} · ${session.roomName ?? ""}`;
  // In the table the row says the room (or the trainer); in the day list the card says both.
  const where = props.both ? `${place} · ${session.trainerName}` : grouping === "trainer" ? place : session.trainerName;
  return (
    <article className={`planning-session${approved ? " planning-session--approved" : ""}`} aria-label={`${session.topic.title}, ${time}`}>
      <div className="planning-session-head">
        {approved ? null : (
          <input
            type="checkbox"
            form="approve-form"
            name="sessionId"
            value={session.id}
            defaultChecked={props.checked}
            aria-label={t("proposal.select", labelFacts)}
          />
        )}
        <span className="planning-session-time">{time}</span>
        {approved ? <span className="planning-session-badge">{t("proposal.approved")}</span> : null}
      </div>
      <p className="planning-session-topic">{session.topic.title}</p>
      <p className="planning-session-where">{where}</p>
      <p className="planning-session-expected">
        <span className="visually-hidden">{t("proposal.expectedLabel")}: </span>
        {t("proposal.expected", { total: session.expectedAttendees, preferred: session.preferredAttendees, ifNeedBe: session.ifNeedBeAttendees })}
        {" · "}
        {t("proposal.capacity", { count: session.capacity })}
      </p>
      {session.belowMinimum ? <p className="planning-session-warning">{t("proposal.belowMinimum")}</p> : null}
      {approved ? null : (
        <div className="planning-session-actions">
          <Link to={props.editHref} aria-label={t("proposal.editLabel", labelFacts)}>
            {t("proposal.edit")}
          </Link>
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="id" value={session.id} />
            <input type="hidden" name="version" value={session.version} />
            <button
              type="submit"
              className="button-link"
              aria-label={t("proposal.removeLabel", labelFacts)}
              onClick={(event) => {
                // Removing cannot be undone here (the session stays in the run's record only).
                if (!window.confirm(t("proposal.removeConfirm", labelFacts))) event.preventDefault();
              }}
            >
              {t("proposal.remove")}
            </button>
          </Form>
        </div>
      )}
    </article>
  );
}
