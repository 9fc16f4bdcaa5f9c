// Demand seen from the schedule's side. For each pair, the (weekday, start slot) options where
// its topic fits one of its windows; an inverted index from (topic, weekday, slot) to those
// pairs; and counts of still-unserved pairs per (topic, weekday, site, start slot): an
// optimistic, cheap estimate of how full a session there could be, kept current as pairs are
// served.
import type { Model } from "./model";

export class DemandIndex {
  readonly m: Model;
  /** Per pair: offsets into optCode/optPref of its options, sorted by code. */
  readonly optStart: Int32Array;
  readonly optCode: Int32Array; // weekday * slotsPerDay + slot
  readonly optPref: Uint8Array;
  /** Inverted index: pairs able to attend topic t at code c are invPair[invStart[t*8S+c] ..]. */
  readonly invStart: Int32Array;
  readonly invPair: Int32Array;
  readonly invPref: Uint8Array;
  readonly pref: Int32Array;
  readonly any: Int32Array;
  /** `any` before anything was served: the largest group that could ever meet there. */
  readonly any0: Int32Array;
  private readonly nS: number;

  constructor(m: Model) {
    this.m = m;
    this.nS = m.sites.length + 1;
    const S = m.slotsPerDay;
    const starts = new Int32Array(m.nPairs + 1);
    let codes = new Int32Array(1 << 16);
    let prefs = new Uint8Array(1 << 16);
    let n = 0;
    const best = new Uint8Array(8 * S);
    const touchedBuf = new Int32Array(8 * S);
    for (let q = 0; q < m.nPairs; q++) {
      starts[q] = n;
      const dur = m.topics[m.pairTopic[q]].dur;
      let nt = 0;
      for (let k = m.winStart[q]; k < m.winStart[q + 1]; k++) {
        const w = m.winPref[k] ? 2 : 1;
        for (let s = Math.ceil(m.winFrom[k] / m.g); s * m.g + dur <= m.winTo[k]; s++) {
          const code = m.winWeekday[k] * S + s;
          if (best[code] === 0) touchedBuf[nt++] = code;
          if (best[code] < w) best[code] = w;
        }
      }
      const touched = touchedBuf.subarray(0, nt).sort(); // typed-array sort is numeric
      if (n + touched.length > codes.length) {
        const c2 = new Int32Array(codes.length * 2 + touched.length);
        c2.set(codes);
        codes = c2;
        const p2 = new Uint8Array(c2.length);
        p2.set(prefs);
        prefs = p2;
      }
      for (const code of touched) {
        codes[n] = code;
        prefs[n] = best[code] === 2 ? 1 : 0;
        n++;
        best[code] = 0;
      }
    }
    starts[m.nPairs] = n;
    this.optStart = starts;
    this.optCode = codes.slice(0, n);
    this.optPref = prefs.slice(0, n);

    const nKeys = m.topics.length * 8 * S;
    const invStart = new Int32Array(nKeys + 1);
    for (let q = 0; q < m.nPairs; q++) {
      const base = m.pairTopic[q] * 8 * S;
      for (let o = starts[q]; o < starts[q + 1]; o++) invStart[base + this.optCode[o] + 1]++;
    }
    for (let i = 0; i < nKeys; i++) invStart[i + 1] += invStart[i];
    const fillAt = invStart.slice(0, nKeys);
    this.invPair = new Int32Array(n);
    this.invPref = new Uint8Array(n);
    // Fill in order of flexibility (fewest options first, then index): every list is then
    // already in the order sessions should seat people — the least flexible first, since the
    // others have more chances elsewhere — and evaluation never needs to sort.
    const byFlex = Array.from({ length: m.nPairs }, (_, q) => q);
    byFlex.sort((a, b) => starts[a + 1] - starts[a] - (starts[b + 1] - starts[b]) || a - b);
    for (const q of byFlex) {
      const base = m.pairTopic[q] * 8 * S;
      for (let o = starts[q]; o < starts[q + 1]; o++) {
        const at = fillAt[base + this.optCode[o]]++;
        this.invPair[at] = q;
        this.invPref[at] = this.optPref[o];
      }
    }
    this.invStart = invStart;

    this.pref = new Int32Array(m.topics.length * 8 * this.nS * S);
    this.any = new Int32Array(this.pref.length);
    for (let q = 0; q < m.nPairs; q++) this.update(q, +1);
    this.any0 = this.any.slice();
  }

  key(topic: number, weekday: number, site: number, slot: number): number {
    return ((topic * 8 + weekday) * this.nS + site) * this.m.slotsPerDay + slot;
  }

  /** Add (+1) or remove (−1) an unserved pair's contribution. */
  update(q: number, sign: number): void {
    const m = this.m;
    const t = m.pairTopic[q];
    const S = m.slotsPerDay;
    const nSites = m.sites.length;
    const online = m.topics[t].online;
    const base = t * 8 * this.nS * S;
    for (let site = online ? m.online : 0; site < (online ? m.online + 1 : nSites); site++) {
      if (!online && !m.pairSite[q * nSites + site]) continue;
      for (let o = this.optStart[q]; o < this.optStart[q + 1]; o++) {
        const code = this.optCode[o];
        const wd = (code / S) | 0;
        const k = base + (wd * this.nS + site) * S + (code - wd * S);
        this.any[k] += sign;
        if (this.optPref[o]) this.pref[k] += sign;
      }
    }
  }

  /** Optimistic weight of a session with capacity `cap` at that key. */
  estimate(k: number, cap: number): number {
    const p = Math.min(cap, this.pref[k]);
    return p + 0.5 * Math.min(cap - p, this.any[k] - this.pref[k]);
  }
}
