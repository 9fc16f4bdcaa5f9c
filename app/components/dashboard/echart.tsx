import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import { BarChart, LineChart } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import type { ComposeOption, ECharts } from "echarts/core";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";

// Only what the dashboard draws, so the browser bundle stays small; SVG so it prints crisply.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The width the server lays charts out at; the SVG scales to its box until the browser takes over. */
const SERVER_WIDTH = 760;

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif';
export const CHART_COLORS = ["#136570", "#b04a22", "#6b8f3a", "#7a5195", "#c28a00", "#3b4753"];

/** Horizontal bars, one group per category (top to bottom), one bar per series, with a legend. */
/**
 * A long category label cut in the middle ("Центр госуслуг … Южное Бутово"): labels of one chart
 * often share their beginning, so cutting the end would make several read the same.
 */
export function middleEllipsis(text: string, max = 36): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head).trimEnd()}…${text.slice(text.length - (max - 1 - head)).trimStart()}`;
}

export function groupedBarsOption(categories: string[], series: ReadonlyArray<{ name: string; data: number[]; color: string }>): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: categories, axisLabel: { formatter: (label: string) => middleEllipsis(label) } },
    series: series.map(({ name, data, color }) => ({ type: "bar", name, data, itemStyle: { color } })),
  };
}
const BASE: ChartOption = {
  color: CHART_COLORS,
  textStyle: { fontFamily: CHART_FONT, color: "#16212b" },
};

/** The chart as an SVG string, drawn on the server (no DOM, no animation). */
function serverSvg(option: ChartOption, height: number): string {
  const chart = init(null, undefined, { renderer: "svg", ssr: true, width: SERVER_WIDTH, height });
  try {
    chart.setOption({ ...BASE, ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type Props = {
  option: ChartOption;
  height: number;
  /** What the chart says in one sentence: the accessible name of the picture. */
  label: string;
  testId?: string;
};

/**
 * An Apache ECharts chart. The server sends the finished SVG (readable and printable without
 * JavaScript); in the browser ECharts takes over the same box, sizes it to the page and animates
 * every later `option` (bars that grow, re-order, appear). To assistive technology the picture is
 * one image with `label` as its name; the numbers are in the table next to it.
 */
export function EChart({ option, height, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The server's SVG goes out as inner HTML; in the browser the prop stays "" so hydration keeps
  // the server's markup and later renders never touch what ECharts draws.
  const [svg] = useState(() => (typeof document === "undefined" ? serverSvg(option, height) : ""));
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    element.replaceChildren();
    const instance = init(element, undefined, { renderer: "svg" });
    instance.setOption({ ...BASE, ...latest.current });
    chart.current = instance;
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    window.addEventListener("beforeprint", resize);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...BASE, ...option });
  }, [option]);

  return (
    <div
      ref={box}
      className="echart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height }}
      dangerouslySetInnerHTML={{ __html: svg }}
      suppressHydrationWarning
    />
  );
}
