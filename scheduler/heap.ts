// Max-heap of candidate ids by priority; ties broken by id so the order is deterministic.
export class MaxHeap {
  private ids: number[] = [];
  constructor(private readonly prio: Float64Array) {}

  get size(): number {
    return this.ids.length;
  }

  private above(a: number, b: number): boolean {
    const pa = this.prio[a];
    const pb = this.prio[b];
    return pa > pb || (pa === pb && a < b);
  }

  push(id: number): void {
    const h = this.ids;
    h.push(id);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  peek(): number {
    return this.ids[0];
  }

  pop(): number {
    const h = this.ids;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let b = i;
        if (l < h.length && this.above(h[l], h[b])) b = l;
        if (r < h.length && this.above(h[r], h[b])) b = r;
        if (b === i) break;
        [h[i], h[b]] = [h[b], h[i]];
        i = b;
      }
    }
    return top;
  }
}
