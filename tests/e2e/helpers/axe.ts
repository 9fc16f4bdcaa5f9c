import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
};

/**
 * Runs axe-core in the page and fails on serious or critical violations, printing each with the
 * elements it concerns. Minor and moderate findings are printed but do not fail the test.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Check the settled page: a colour transition caught half-way (a vote button changing state)
  // would otherwise be judged on an in-between colour.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  }) as Violation[];
  const describe = (v: Violation) =>
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.map((n) => `      ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n");
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const other = violations.filter((v) => !blocking.includes(v));
  if (other.length) console.warn(`axe on ${label} (${page.url()}): minor findings\n${other.map(describe).join("\n")}`);
  if (blocking.length) {
    throw new Error(`axe on ${label} (${page.url()}): ${blocking.length} serious/critical violation(s)\n${blocking.map(describe).join("\n")}`);
  }
}
