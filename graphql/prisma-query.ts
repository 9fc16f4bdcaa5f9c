/**
 * Pothos hands resolvers `{ select: {} }` when a client selects only `__typename` on a Prisma
 * type, which Prisma rejects. Asking for the id costs nothing and keeps such queries valid.
 */
export function nonEmpty<TQuery extends object>(query: TQuery): TQuery {
  const select = (query as { select?: object }).select;
  if (select && Object.keys(select).length === 0) return { ...query, select: { id: true } };
  return query;
}
