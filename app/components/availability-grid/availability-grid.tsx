import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { WeekdayHeaderRow } from "~/components/weekday-header";
import {
  CELL_COUNT,
  SLOTS,
  SLOT_MINUTES,
  WEEKDAYS,
  cellIndex,
  cellPosition,
  cellsToWindows,
  emptyCells,
  formatMinute,
  rectangle,
  slotStart,
  summarize,
  type Cells,
  type Strength,
  type Weekday,
} from "~/lib/availability-cells";

export type Brush = Strength | "ERASE";

type Props = {
  /** 168 cells (see availability-cells). */
  value: Cells;
  onChange: (cells: Array<Strength | null>) => void;
  /** Accessible name of the grid. */
  label: string;
  /** Smaller cells, for the topic page. */
  compact?: boolean;
};

/**
 * The weekly availability grid: Monday–Sunday × 08:00–20:00 in 30-minute cells, painted with a
 * brush (preferred / if need be / erase). An ARIA grid (a table: rows are times, columns weekdays)
 * with a roving tabindex: arrows move, Shift+arrows select a rectangle, Space/Enter toggles the
 * current cell (or the selection) with the brush. Mouse and pen drags paint the rectangle between
 * the first and the current cell; starting on a cell that already has the brush erases instead.
 * A finger would have nothing left to scroll a phone's page with (the grid fills the screen), so
 * by default a touch that stays put paints its cell and a swipe scrolls; "paint by dragging" turns
 * fingers into brushes like the mouse.
 */
export function AvailabilityGrid({ value, onChange, label, compact = false }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const [brush, setBrush] = useState<Brush>("PREFERRED");
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const cellRefs = useRef<Array<HTMLTableCellElement | null>>([]);
  const focusPending = useRef(false);
  const drag = useRef<{ start: number; paint: Strength | null; snapshot: Cells; pointerId: number } | null>(null);
  const [touchDrags, setTouchDrags] = useState(false);
  /** A finger down on a cell while swipes scroll: it paints on lifting, unless it became a scroll. */
  const tap = useRef<{ cell: number; pointerId: number } | null>(null);

  useEffect(() => {
    if (focusPending.current) {
      focusPending.current = false;
      cellRefs.current[active]?.focus();
    }
  }, [active]);

  const dayName = (d: Weekday) => t(`availability.weekdays.${d}`);
  const stateName = (s: Strength | null) =>
    s === "PREFERRED" ? t("availability.statePreferred") : s === "IF_NEED_BE" ? t("availability.stateIfNeedBe") : t("availability.stateNone");
  const cellName = (i: number, s: Strength | null) => {
    const { weekday, slot } = cellPosition(i);
    return t("availability.cellName", {
      day: dayName(weekday),
      from: formatMinute(slotStart(slot)),
      to: formatMinute(slotStart(slot) + SLOT_MINUTES),
      state: stateName(s),
    });
  };

  function paint(targets: readonly number[], base: Cells, paintWith: Strength | null) {
    const next = [...base];
    for (const i of targets) next[i] = paintWith;
    onChange(next);
    return next;
  }

  /** Space/Enter: the brush, or nothing when every target already has it (a toggle). */
  function toggle() {
    const targets = selection.size ? [...selection] : [active];
    const paintWith = brush === "ERASE" || targets.every((i) => value[i] === brush) ? null : brush;
    const next = paint(targets, value, paintWith);
    // The selection has been applied: start afresh from the focused cell.
    if (selection.size) {
      setSelection(new Set());
      setAnchor(null);
    }
    setAnnouncement(
      targets.length === 1 ? cellName(targets[0], next[targets[0]]) : `${t("availability.selected", { count: targets.length })}: ${stateName(paintWith)}`,
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const { weekday, slot } = cellPosition(active);
    let d: number = weekday;
    let s = slot;
    switch (event.key) {
      case "ArrowLeft":
        d = Math.max(1, d - 1);
        break;
      case "ArrowRight":
        d = Math.min(7, d + 1);
        break;
      case "ArrowUp":
        s = Math.max(0, s - 1);
        break;
      case "ArrowDown":
        s = Math.min(SLOTS - 1, s + 1);
        break;
      case "Home":
        if (event.ctrlKey) s = 0;
        d = 1;
        break;
      case "End":
        if (event.ctrlKey) s = SLOTS - 1;
        d = 7;
        break;
      case "PageUp":
        s = Math.max(0, s - 4);
        break;
      case "PageDown":
        s = Math.min(SLOTS - 1, s + 4);
        break;
      case " ":
      case "Enter":
        event.preventDefault();
        toggle();
        return;
      case "Escape":
        if (selection.size) {
          event.preventDefault();
          setSelection(new Set());
          setAnchor(null);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    const next = cellIndex(d, s);
    if (event.shiftKey) {
      const from = anchor ?? active;
      setAnchor(from);
      const rect = rectangle(from, next);
      setSelection(new Set(rect));
      setAnnouncement(t("availability.selected", { count: rect.length }));
    } else {
      setAnchor(null);
      if (selection.size) setSelection(new Set());
    }
    focusPending.current = true;
    setActive(next);
  }

  function cellAt(x: number, y: number): number | null {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-cell]");
    if (!el || !el.closest(`[data-grid="${CSS.escape(uid)}"]`)) return null;
    const i = Number(el.dataset.cell);
    return Number.isInteger(i) && i >= 0 && i < CELL_COUNT ? i : null;
  }

  /** Starting on a cell that already has the brush erases; the eraser always does. */
  const strokeFrom = (i: number) => (brush === "ERASE" || value[i] === brush ? null : brush);

  function startStroke(i: number) {
    setSelection(new Set());
    setAnchor(null);
    focusPending.current = true;
    setActive(i);
    cellRefs.current[i]?.focus({ preventScroll: true });
    return paint([i], value, strokeFrom(i));
  }

  function onPointerDown(event: PointerEvent<HTMLTableSectionElement>) {
    if (event.button !== 0 || !event.isPrimary) return;
    const i = cellAt(event.clientX, event.clientY);
    if (i === null) return;
    if (event.pointerType === "touch" && !touchDrags) {
      // The browser may still take this touch for a scroll (it then sends pointercancel).
      tap.current = { cell: i, pointerId: event.pointerId };
      return;
    }
    event.preventDefault();
    drag.current = { start: i, paint: strokeFrom(i), snapshot: [...value], pointerId: event.pointerId };
    event.currentTarget.setPointerCapture(event.pointerId);
    startStroke(i);
  }

  function onPointerMove(event: PointerEvent<HTMLTableSectionElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const i = cellAt(event.clientX, event.clientY);
    if (i === null) return;
    paint(rectangle(d.start, i), d.snapshot, d.paint);
    if (i !== active) setActive(i);
  }

  function onPointerUp(event: PointerEvent<HTMLTableSectionElement>) {
    const pending = tap.current;
    if (pending && pending.pointerId === event.pointerId) {
      tap.current = null;
      const i = cellAt(event.clientX, event.clientY);
      if (i === pending.cell) {
        const next = startStroke(i);
        setAnnouncement(cellName(i, next[i] ?? null));
      }
      return;
    }
    endDrag(event);
  }

  function endDrag(event: PointerEvent<HTMLTableSectionElement>) {
    if (tap.current?.pointerId === event.pointerId) tap.current = null;
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  const windows = cellsToWindows(value);
  const lines = summarize(windows);
  const brushes: Array<{ value: Brush; label: string }> = [
    { value: "PREFERRED", label: t("availability.brushPreferred") },
    { value: "IF_NEED_BE", label: t("availability.brushIfNeedBe") },
    { value: "ERASE", label: t("availability.brushErase") },
  ];
  const labelId = `${uid}-label`;
  const helpId = `${uid}-help`;

  return (
    <div className={`avail${compact ? " avail--compact" : ""}${touchDrags ? " avail--touch-drags" : ""}`}>
      <div className="avail__tools">
        <fieldset className="avail__brushes">
          <legend>{t("availability.brush")}</legend>
          {brushes.map((b) => (
            <label key={b.value} className={`avail__brush avail__brush--${b.value.toLowerCase()}`}>
              <input type="radio" name={`${uid}-brush`} value={b.value} checked={brush === b.value} onChange={() => setBrush(b.value)} />
              <span className={`avail__swatch avail__swatch--${b.value.toLowerCase()}`} aria-hidden="true" />
              <span>{b.label}</span>
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="button button--quiet avail__clear"
          onClick={() => {
            onChange(emptyCells());
            setSelection(new Set());
            setAnchor(null);
            setAnnouncement(t("availability.summaryEmpty"));
          }}
        >
          {t("availability.clearAll")}
        </button>
        <label className="avail__touch-mode">
          <input type="checkbox" checked={touchDrags} onChange={(event) => setTouchDrags(event.currentTarget.checked)} />
          <span>{t("availability.touchDrags")}</span>
        </label>
      </div>
      <p id={labelId} className="visually-hidden">
        {label}
      </p>
      <p id={helpId} className="avail__help">
        <span className="avail__help-mouse">{t("availability.gridHelpMouse")} </span>
        <span className="avail__help-touch">{t(touchDrags ? "availability.gridHelpTouchDrags" : "availability.gridHelpTouch")} </span>
        {t("availability.gridHelpKeyboard")}
      </p>
      <div className="avail__scroll">
        <table
          role="grid"
          className="avail__grid"
          aria-labelledby={labelId}
          aria-describedby={helpId}
          aria-multiselectable="true"
          data-grid={uid}
          onKeyDown={onKeyDown}
        >
          <thead>
            <WeekdayHeaderRow cornerClassName="avail__corner" dayClassName="avail__day" />
          </thead>
          <tbody onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={endDrag}>
            {Array.from({ length: SLOTS }, (_, slot) => (
              <tr key={slot}>
                <th scope="row" className={`avail__time${slot % 2 ? " avail__time--half" : ""}`}>
                  {formatMinute(slotStart(slot))}
                </th>
                {WEEKDAYS.map((d) => {
                  const i = cellIndex(d, slot);
                  const s = value[i] ?? null;
                  const selected = selection.has(i);
                  return (
                    <td
                      key={d}
                      ref={(el) => {
                        cellRefs.current[i] = el;
                      }}
                      data-cell={i}
                      data-state={s ?? "NONE"}
                      tabIndex={i === active ? 0 : -1}
                      aria-label={cellName(i, s)}
                      aria-selected={selected}
                      className={`avail__cell avail__cell--${(s ?? "none").toLowerCase()}${selected ? " avail__cell--selected" : ""}${slot % 2 ? " avail__cell--half" : ""}`}
                      onFocus={() => {
                        if (i !== active) setActive(i);
                      }}
                    >
                      <CellMark strength={s} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="avail__below">
        <ul className="avail__legend" aria-label={t("availability.legend")}>
          <li>
            <span className="avail__swatch avail__swatch--preferred" aria-hidden="true" />
            {t("availability.brushPreferred")}
          </li>
          <li>
            <span className="avail__swatch avail__swatch--if_need_be" aria-hidden="true" />
            {t("availability.brushIfNeedBe")}
          </li>
          <li>
            <span className="avail__swatch avail__swatch--none" aria-hidden="true" />
            {t("availability.stateNone")}
          </li>
        </ul>
        <section className="avail__summary" aria-labelledby={`${uid}-summary`}>
          <h3 id={`${uid}-summary`}>{t("availability.summaryTitle")}</h3>
          <AvailabilitySummary lines={lines} />
        </section>
      </div>
    </div>
  );
}

/** "Вт, Чт 08:00–12:00 — удобно", one line per group. */
export function AvailabilitySummary({ lines }: { lines: ReturnType<typeof summarize> }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="muted">{t("availability.summaryEmpty")}</p>;
  return (
    <ul className="avail__summary-list" data-testid="availability-summary">
      {lines.map((l) => (
        <li key={`${l.strength}:${l.startMinute}:${l.endMinute}`} className={`avail__summary-line avail__summary-line--${l.strength.toLowerCase()}`}>
          <span className={`avail__swatch avail__swatch--${l.strength.toLowerCase()}`} aria-hidden="true" />
          {summaryText(t, l)}
        </li>
      ))}
    </ul>
  );
}

export function summaryText(
  // TFunction, not ReturnType<typeof useTranslation>["t"]: the latter hits TS2589 (too deep) once the key union grows.
  t: TFunction,
  l: ReturnType<typeof summarize>[number],
): string {
  return t("availability.summaryLine", {
    days: l.weekdays.map((d) => t(`availability.weekdaysShort.${d}`)).join(", "),
    from: formatMinute(l.startMinute),
    to: formatMinute(l.endMinute),
    strength: l.strength === "PREFERRED" ? t("availability.statePreferred") : t("availability.stateIfNeedBe"),
  });
}

/** Strength shown by shape as well as colour: a check for preferred, a tilde for "if need be". */
function CellMark({ strength }: { strength: Strength | null }) {
  if (!strength) return null;
  return (
    <svg className="avail__mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {strength === "PREFERRED" ? (
        <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M3 9c1.5-2 3-2 5 0s3.5 2 5 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
