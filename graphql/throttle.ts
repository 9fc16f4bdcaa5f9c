/**
 * Coalesces a burst of subscription events: the subscriber gets the latest event at most once per
 * `intervalMs` (the first one at once), so a thousand votes a second become a few messages and a few
 * recomputations per subscriber, never a backlog. Closing the result closes the source.
 */
export function throttleLatest<T>(source: AsyncIterable<T>, intervalMs: number): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending: { value: T } | null = null;
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let sourceDone = false;
  let closed = false;
  let lastEmit = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = () => {
    const resolve = waiting;
    waiting = null;
    resolve?.({ value: undefined, done: true });
  };
  const flush = () => {
    timer = undefined;
    if (!waiting || !pending) return;
    const resolve = waiting;
    const { value } = pending;
    waiting = null;
    pending = null;
    lastEmit = Date.now();
    resolve({ value, done: false });
  };
  const schedule = () => {
    if (!waiting || timer !== undefined) return;
    if (!pending) {
      if (sourceDone) finish();
      return;
    }
    const wait = lastEmit + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };

  void (async () => {
    try {
      for (;;) {
        const result = await iterator.next();
        if (result.done || closed) break;
        pending = { value: result.value };
        schedule();
      }
    } finally {
      sourceDone = true;
      schedule();
    }
  })();

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (closed || (sourceDone && !pending)) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve) => {
        waiting = resolve;
        schedule();
      });
    },
    async return() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      finish();
      // Not awaited: a source busy in its own await would hold the subscriber's close hostage.
      void iterator.return?.();
      return { value: undefined, done: true };
    },
  };
}
