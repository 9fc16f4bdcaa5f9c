import type { GraphQLContext } from "./context";

/**
 * A load done once per request and key, whichever resolvers ask for it (the page and its total, two
 * fields of one object, every row of a list). The promise is kept, so concurrent askers share one
 * load; the map dies with the request's context.
 */
export function requestMemo<Key, Value>(load: (context: GraphQLContext, key: Key) => Promise<Value>) {
  const byContext = new WeakMap<GraphQLContext, Map<string, Promise<Value>>>();
  return (context: GraphQLContext, key: Key): Promise<Value> => {
    let byKey = byContext.get(context);
    if (!byKey) byContext.set(context, (byKey = new Map()));
    const id = typeof key === "string" ? key : JSON.stringify(key ?? null);
    let value = byKey.get(id);
    if (!value) {
      value = load(context, key);
      byKey.set(id, value);
    }
    return value;
  };
}
