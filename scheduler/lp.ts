// A tiny sparse LP/MIP builder on top of HiGHS (WASM, npm `highs`), shared by the bound and the
// exact oracle. Rows are collected as CSR; HiGHS is loaded once per process.
import highsLoader from "highs";
import type { Highs } from "highs";

let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

export interface LpResult {
  status: "optimal" | "timeLimit" | "other";
  objective: number;
  colValue: Float64Array | null;
  rowDual: Float64Array | null;
  /** For a MIP: the best proven bound on the objective. */
  dualBound: number | null;
}

export class LpBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: boolean[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStart: number[] = [0];
  readonly index: number[] = [];
  readonly value: number[] = [];

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  addCol(cost: number, lower = 0, upper = Number.POSITIVE_INFINITY, integer = false): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  addRow(lower: number, upper: number, cols: readonly number[], vals: readonly number[]): void {
    if (!cols.length) return;
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let i = 0; i < cols.length; i++) {
      this.index.push(cols[i]);
      this.value.push(vals[i]);
    }
    this.rowStart.push(this.index.length);
  }

  /** Maximise cost·x. */
  async maximize(options: Record<string, number | string | boolean> = {}): Promise<LpResult> {
    const highs = await loadHighs();
    const inf = highs.infinity;
    const clamp = (xs: number[]) => Float64Array.from(xs, (x) => (x === Infinity ? inf : x === -Infinity ? -inf : x));
    const mip = this.integer.some(Boolean);
    const model = highs.createModel({
      numCols: this.numCols,
      numRows: this.numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(this.cost),
      colLower: clamp(this.lower),
      colUpper: clamp(this.upper),
      rowLower: clamp(this.rowLower),
      rowUpper: clamp(this.rowUpper),
      matrix: {
        format: "csr",
        numRows: this.numRows,
        numCols: this.numCols,
        starts: Int32Array.from(this.rowStart),
        indices: Int32Array.from(this.index),
        values: Float64Array.from(this.value),
      },
      ...(mip ? { integrality: Int32Array.from(this.integer, (b) => (b ? 1 : 0)) as unknown as readonly (0 | 1)[] } : {}),
    });
    try {
      model.options.set({ output_flag: false, ...options });
      model.run();
      const st = model.getModelStatus();
      const status = st === highs.constants.modelStatus.optimal ? "optimal" : st === highs.constants.modelStatus.timeLimit ? "timeLimit" : "other";
      let colValue: Float64Array | null = null;
      let rowDual: Float64Array | null = null;
      let objective = Number.NaN;
      try {
        const sol = model.getSolution();
        colValue = sol.colValue;
        rowDual = mip ? null : sol.rowDual;
        objective = model.getObjectiveValue();
      } catch {
        colValue = null;
      }
      let dualBound: number | null = null;
      if (mip) {
        const b = Number(model.info.get("mip_dual_bound"));
        dualBound = Number.isFinite(b) ? b : null;
      }
      return { status, objective, colValue, rowDual, dualBound };
    } finally {
      model.dispose();
    }
  }
}
