// Placeholder until the aggregated LP lands: no LP bound.
import type { Model } from "./model";

export async function lpBound(_m: Model, _best: Float64Array): Promise<number | null> {
  return null;
}
