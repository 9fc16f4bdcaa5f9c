import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDaysKey, formatDay, mondayOf, PlanningCalendar, type Grouping } from "~/components/planning-calendar";
import { PlanningTotals, UnservedDemand } from "~/components/planning-review";
import { EditSessionForm, ViolationList } from "~/components/planning-review-edit";
import {
  APPROVE_PROPOSED_SESSIONS,
  PLANNING_REVIEW,
  REMOVE_PROPOSED_SESSION,
  UPDATE_PROPOSED_SESSION,
  type ApproveProposedSessionsData,
  type PlanningReviewData,
  type PlanningReviewRun,
  type RemoveProposedSessionData,
  type ReviewFailure,
  type UpdateProposedSessionData,
  type ViolationItem,
} from "~/lib/documents/proposals";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import reviewStyles from "~/styles/planning-review.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("proposal.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireManager(request, context);
  const { node } = await gql<PlanningReviewData>(context, PLANNING_REVIEW, { id: params.runId ?? "" });
  if (!node || node.__typename !== "PlanningRun") throw new Response("Planning run not found", { status: 404 });
  const url = new URL(request.url);
  return { run: node as PlanningReviewRun, done: url.searchParams.get("done"), count: Number(url.searchParams.get("count") ?? 0) };
}

type ActionResult = {
  intent: string;
  sessionId?: string;
  violations?: ViolationItem[];
  fieldErrors?: string[];
  conflict?: string;
  notice?: string;
  tried?: { date?: string; start?: string; trainerId?: string; roomId?: string };
};

function failure(intent: string, result: ReviewFailure, tried?: ActionResult["tried"]) {
  const body: ActionResult = { intent, tried };
  if (result.__typename === "ProposalViolationError") Object.assign(body, { sessionId: result.sessionId, violations: result.violations });
  else if (result.__typename === "ProposalConflictError") Object.assign(body, { conflict: result.code, sessionId: result.sessionId });
  // The API's messages are English; the page names the field in the reader's language instead.
  else if (result.__typename === "ValidationError") body.fieldErrors = result.fieldErrors.map((error) => String(error.path.at(-1) ?? ""));
  else body.notice = "errors.generic";
  return data(body, { status: result.__typename === "ProposalConflictError" ? 409 : 400 });
}

/** Every form of the page posts here; success redirects back (keeping week and grouping), failure re-renders. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireManager(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const url = new URL(request.url);
  const back = (done: string, count?: number) => {
    const query = new URLSearchParams(url.searchParams);
    query.delete("edit");
    query.set("done", done);
    if (count !== undefined) query.set("count", String(count));
    return redirect(`${url.pathname}?${query}`);
  };
  const id = String(form.get("id") ?? "");
  const version = Number(form.get("version"));

  if (intent === "update") {
    const tried = {
      date: String(form.get("date") ?? ""),
      start: String(form.get("start") ?? "").slice(0, 5),
      trainerId: String(form.get("trainerId") ?? "") || undefined,
      roomId: String(form.get("roomId") ?? "") || undefined,
    };
    const input = { date: tried.date || null, start: tried.start || null, trainerId: tried.trainerId ?? null, roomId: tried.roomId ?? null };
    const result = (await gql<UpdateProposedSessionData>(context, UPDATE_PROPOSED_SESSION, { id, version, input })).updateProposedSession;
    return result.__typename === "MutationUpdateProposedSessionSuccess" ? back("updated") : failure(intent, result, tried);
  }
  if (intent === "remove") {
    const result = (await gql<RemoveProposedSessionData>(context, REMOVE_PROPOSED_SESSION, { id, version })).removeProposedSession;
    return result.__typename === "MutationRemoveProposedSessionSuccess" ? back("removed") : failure(intent, result);
  }
  if (intent === "approve" || intent === "approveAll") {
    const sessionIds = intent === "approve" ? form.getAll("sessionId").map(String) : undefined;
    if (sessionIds && sessionIds.length === 0) return data<ActionResult>({ intent, notice: "proposal.nothingSelected" }, { status: 400 });
    const result = (await gql<ApproveProposedSessionsData>(context, APPROVE_PROPOSED_SESSIONS, { runId: params.runId, sessionIds }))
      .approveProposedSessions;
    return result.__typename === "MutationApproveProposedSessionsSuccess" ? back("approved", result.data.length) : failure(intent, result);
  }
  return data<ActionResult>({ intent, notice: "errors.generic" }, { status: 400 });
}

function weekRange(run: PlanningReviewRun): string[] {
  const last = addDaysKey(run.horizonStart, run.horizonDays - 1);
  const weeks: string[] = [];
  for (let monday = mondayOf(run.horizonStart); monday <= last; monday = addDaysKey(monday, 7)) weeks.push(monday);
  return weeks;
}

export default function PlanningReviewRoute() {
  const { run, done, count } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  const grouping: Grouping = search.get("group") === "trainer" ? "trainer" : "room";
  const weeks = weekRange(run);
  const weekIndex = Math.min(Math.max(Number(search.get("week") ?? 0) || 0, 0), weeks.length - 1);
  const href = (changes: Record<string, string | null>) => {
    const query = new URLSearchParams(search);
    query.delete("done");
    query.delete("count");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) query.delete(key);
      else query.set(key, value);
    }
    const text = query.toString();
    return `${location.pathname}${text ? `?${text}` : ""}`;
  };
  const editId = search.get("edit");
  const editing = run.sessions.find((session) => session.id === editId && session.state === "PROPOSED");
  const editFailed = result?.intent === "update" && result.sessionId === editId;
  const from = formatDay(weeks[weekIndex], i18n.language, "long");
  const to = formatDay(addDaysKey(weeks[weekIndex], 6), i18n.language, "long");

  const notice = result?.conflict
    ? t(`proposal.conflict.${result.conflict}` as "proposal.conflict.STALE_VERSION")
    : result?.notice
      ? t(result.notice as "errors.generic")
      : done === "approved"
        ? t("proposal.approvedDone", { count })
        : done === "updated" || done === "removed"
          ? t(`proposal.${done}`)
          : null;
  const approveViolations = result && result.intent !== "update" && result.violations ? result.violations : null;

  return (
    <div className="planning-review">
      <h1>{t("proposal.title")}</h1>
      <p className="planning-intro">{t("proposal.intro")}</p>
      <div className="planning-notice" role="status" aria-live="polite">
        {notice ? <p className={result ? "planning-notice--error" : undefined}>{notice}</p> : null}
        {approveViolations ? <ViolationList violations={approveViolations} rooms={run.reviewRooms} sessions={run.sessions} /> : null}
      </div>
      {run.status !== "SUCCEEDED" ? <p>{t("proposal.notReady")}</p> : null}
      <PlanningTotals run={run} />

      {editing ? (
        <EditSessionForm
          key={`${editing.id}-${editing.version}`}
          session={editing}
          sessions={run.sessions}
          trainers={run.reviewTrainers}
          rooms={run.reviewRooms}
          violations={editFailed ? (result?.violations ?? []) : []}
          fieldErrors={editFailed ? (result?.fieldErrors ?? []) : []}
          tried={editFailed ? result?.tried : undefined}
          closeHref={href({ edit: null })}
        />
      ) : null}

      <section className="planning-week" aria-labelledby="planning-week-title">
        <div className="planning-toolbar">
          <h2 id="planning-week-title">{t("proposal.week", { from, to })}</h2>
          <nav className="planning-week-nav" aria-label={t("proposal.week", { from, to })}>
            {weekIndex > 0 ? (
              <Link to={href({ week: String(weekIndex - 1), edit: null })}>← {t("proposal.prevWeek")}</Link>
            ) : null}
            {weekIndex < weeks.length - 1 ? (
              <Link to={href({ week: String(weekIndex + 1), edit: null })}>{t("proposal.nextWeek")} →</Link>
            ) : null}
          </nav>
          <p className="planning-grouping">
            <span>{t("proposal.groupBy")}:</span>{" "}
            <Link to={href({ group: null })} aria-current={grouping === "room" ? "true" : undefined}>
              {t("proposal.groupByRoom")}
            </Link>{" "}
            <Link to={href({ group: "trainer" })} aria-current={grouping === "trainer" ? "true" : undefined}>
              {t("proposal.groupByTrainer")}
            </Link>
          </p>
        </div>
        <PlanningCalendar
          sessions={run.sessions}
          weekStart={weeks[weekIndex]}
          grouping={grouping}
          selected={new Set()}
          editHref={(sessionId) => `${href({ edit: sessionId })}#edit`}
        />
        <Form method="post" id="approve-form" className="planning-approve">
          <button type="submit" name="intent" value="approve" className="button button--secondary">
            {t("proposal.approveSelected")}
          </button>
          <button
            type="submit"
            name="intent"
            value="approveAll"
            className="button button--primary"
            onClick={(event) => {
              // Approval opens booking at once: say what it covers first.
              const pending = run.sessions.filter((session) => session.state === "PROPOSED");
              const below = pending.filter((session) => session.belowMinimum).length;
              const question = [t("proposal.approveAllConfirm", { count: pending.length }), below > 0 ? t("proposal.approveAllBelowMinimum", { count: below }) : ""];
              if (!window.confirm(question.filter(Boolean).join("\n"))) event.preventDefault();
            }}
          >
            {t("proposal.approveAll")}
          </button>
        </Form>
      </section>

      <UnservedDemand run={run} />
    </div>
  );
}
