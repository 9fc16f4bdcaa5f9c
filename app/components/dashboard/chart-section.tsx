import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** Anchor and test id of the section, e.g. "top-topics". */
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows (visible, and printed). */
  summary: ReactNode;
  /** Where this chart's data downloads as CSV. */
  csvHref: string;
  children: ReactNode;
  wide?: boolean;
};

/** One dashboard card: a heading, a text summary, the chart and its data table, a CSV link. */
export function ChartSection({ id, title, summary, csvHref, children, wide = false }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={wide ? "dash-card dash-card--wide" : "dash-card"} aria-labelledby={headingId} id={id} data-testid={id}>
      <div className="dash-card__head">
        <h2 id={headingId}>{title}</h2>
        <a className="dash-card__csv" href={csvHref} download data-testid={`${id}-csv`}>
          {t("dashboard.downloadCsv")}
          <span className="visually-hidden">: {title}</span>
        </a>
      </div>
      <p className="dash-card__summary">{summary}</p>
      {children}
    </section>
  );
}

export type Column = { label: string; numeric?: boolean };

/**
 * The chart's numbers as a real table for screen readers (and for anyone when printing without
 * colour): visually hidden on screen, so the picture and the table say the same thing.
 */
export function DataTable({
  caption,
  columns,
  rows,
  testId,
  visible = false,
}: {
  caption: string;
  /** Shown on screen too (a table that adds figures the chart does not draw). */
  visible?: boolean;
  columns: readonly Column[];
  rows: ReadonlyArray<{ key: string; cells: ReadonlyArray<ReactNode> }>;
  testId?: string;
}) {
  const table = (
    <table className={visible ? "dash-table dash-table--visible" : "dash-table"} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table keeps its content's width whatever `width: 1px` says, so the hiding box is a div around it.
  return <div className={visible ? "dash-table-scroll" : "visually-hidden"}>{table}</div>;
}
