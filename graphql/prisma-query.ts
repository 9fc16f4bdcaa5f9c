/**
 * Pothos hands resolvers `{ select: {} }` when a client selects only `__typename` on a Prisma
 * type, which Prisma rejects. Asking for the id costs nothing and keeps such queries valid.
 */
export function nonEmpty<TQuery extends { select?: object }>(query: TQuery): TQuery {
  if (query.select && Object.keys(query.select).length === 0) return { ...query, select: { id: true } };
  return query;
}
