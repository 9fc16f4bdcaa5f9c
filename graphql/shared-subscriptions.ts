import {
  getNamedType,
  getOperationAST,
  Kind,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";

/**
 * The field extension that opts a subscription field into shared execution: the fields, per type,
 * whose value is the same whoever looks (no viewer, no per-viewer authorisation, no per-viewer
 * data loading). Everything else in a selection keeps the operation per subscriber, so a field
 * added later is never shared by accident.
 *
 * Only for broadcast streams: every subscriber of the field sees the same events from the moment
 * it joins (a stream that greets each subscriber with its own first event must not opt in).
 */
export const SHARED_EXECUTION = "sharedExecution";
export type SharedExecution = { viewerIndependent: Readonly<Record<string, readonly string[]>> };

type Subscribe = (args: ExecutionArgs) => unknown;
type Result = ExecutionResult;

/**
 * Runs each shareable subscription operation once per distinct (document, operation name,
 * variables) and hands the same results to every subscriber of it, instead of executing the
 * selection once per subscriber per event. Every subscriber still goes through `subscribe` itself
 * (authorisation, validation of arguments); only its event stream is replaced by the shared one.
 * A stream executes with the context of the subscriber that started it, for as long as anyone
 * listens (harmless: the selection reads nothing of the viewer). One instance per server.
 */
export class SharedSubscriptions {
  private readonly streams = new Map<string, SharedStream>();

  /** Wraps graphql-ws's `subscribe`: shares the stream when the operation is shareable. */
  async subscribe(args: ExecutionArgs, subscribe: Subscribe): Promise<unknown> {
    const result = await subscribe(args);
    if (!isAsyncIterator(result)) return result; // refused (authorisation, bad arguments): the subscriber's own answer
    const key = shareKey(args);
    if (key === null) return result;
    const stream = this.streams.get(key);
    if (stream) {
      // Authorised: this subscriber's own stream is not needed, the running one serves it.
      discard(result);
      return stream.join();
    }
    const created = new SharedStream(result as AsyncIterator<Result>, () => {
      if (this.streams.get(key) === created) this.streams.delete(key);
    });
    this.streams.set(key, created);
    return created.join();
  }

  /** The subscriber count of each shared stream running now (for tests and metrics). */
  openStreams(): number[] {
    return [...this.streams.values()].map((stream) => stream.subscribers);
  }
}

/** One execution, many subscribers: each gets its own queue, so a slow socket delays only itself. */
class SharedStream {
  private readonly sinks = new Set<Sink>();
  private finished = false;

  constructor(
    private readonly source: AsyncIterator<Result>,
    private readonly onEnd: () => void,
  ) {
    void this.pump();
  }

  get subscribers() {
    return this.sinks.size;
  }

  join(): AsyncIterableIterator<Result> {
    const sink = new Sink(() => {
      this.sinks.delete(sink);
      if (this.sinks.size === 0) this.close();
    });
    this.sinks.add(sink);
    return sink;
  }

  private close() {
    if (this.finished) return;
    this.finished = true;
    this.onEnd();
    discard(this.source);
  }

  private async pump() {
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done) break;
        for (const sink of this.sinks) sink.push(next.value);
      }
      for (const sink of [...this.sinks]) sink.end();
    } catch (error) {
      for (const sink of [...this.sinks]) sink.fail(error);
    } finally {
      this.finished = true;
      this.onEnd();
    }
  }
}

class Sink implements AsyncIterableIterator<Result> {
  private readonly queue: Result[] = [];
  private waiting: { resolve: (value: IteratorResult<Result>) => void; reject: (error: unknown) => void } | null = null;
  private done = false;
  private error: { error: unknown } | null = null;

  constructor(private readonly onLeave: () => void) {}

  [Symbol.asyncIterator]() {
    return this;
  }

  push(value: Result) {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else this.queue.push(value);
  }

  end() {
    this.finish();
  }

  fail(error: unknown) {
    if (this.done) return;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.done = true;
      reject(error);
    } else this.error = { error };
  }

  next(): Promise<IteratorResult<Result>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.error) {
      const { error } = this.error;
      this.error = null;
      this.done = true;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<Result>> {
    this.queue.length = 0;
    this.finish();
    return { value: undefined, done: true };
  }

  private finish() {
    if (this.done) return;
    this.done = true;
    this.onLeave();
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }
}

const printed = new WeakMap<DocumentNode, string>();
const shareability = new WeakMap<DocumentNode, Map<string, boolean>>();

/** The stream's identity, or null when the operation must run per subscriber. */
function shareKey(args: ExecutionArgs): string | null {
  if (!isShareable(args.schema, args.document, args.operationName)) return null;
  let text = printed.get(args.document);
  if (text === undefined) printed.set(args.document, (text = print(args.document)));
  return `${args.operationName ?? ""}\n${JSON.stringify(args.variableValues ?? {})}\n${text}`;
}

/**
 * True when `operationName` in `document` is a subscription to a field that opted in
 * (SHARED_EXECUTION) and selects only `__typename` and the fields that field declared
 * viewer-independent, through every fragment it spreads.
 */
export function isShareable(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  let known = shareability.get(document);
  if (!known) shareability.set(document, (known = new Map()));
  const cacheKey = operationName ?? "";
  let answer = known.get(cacheKey);
  if (answer === undefined) known.set(cacheKey, (answer = checkShareable(schema, document, operationName)));
  return answer;
}

function checkShareable(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  const subscriptionType = schema.getSubscriptionType();
  if (!operation || operation.operation !== "subscription" || !subscriptionType) return false;
  const roots = operation.selectionSet.selections;
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) return false;
  const rootField = subscriptionType.getFields()[roots[0].name.value];
  const declared = rootField?.extensions?.[SHARED_EXECUTION] as SharedExecution | undefined;
  if (!declared) return false;

  // The operation and every fragment (validation already refused unused fragments).
  const parts = document.definitions.filter((definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION);
  const typeInfo = new TypeInfo(schema);
  let shareable = true;
  visit(
    { kind: Kind.DOCUMENT, definitions: parts },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (node.name.value === "__typename" || !parent) return;
        if (parent === subscriptionType) return; // the root field, checked above
        if (!declared.viewerIndependent[getNamedType(parent).name]?.includes(node.name.value)) {
          shareable = false;
          return false;
        }
      },
    }),
  );
  return shareable;
}

/** Ends an event stream nobody reads; a failure to end it concerns nobody either. */
function discard(iterator: AsyncIterator<unknown>) {
  Promise.resolve(iterator.return?.()).catch(() => {});
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> & AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value && typeof (value as { next?: unknown }).next === "function";
}
