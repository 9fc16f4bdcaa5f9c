/**
 * Relay pages over an order Prisma cannot express (trending, "when I voted"): the ids come in order
 * from one query, this applies the page arguments Pothos's prismaConnection passes (Prisma's
 * cursor/skip/take: a negative take counts back from the cursor), and one findMany loads the page
 * with the client's selection.
 */
export type PageArgs = { cursor?: { id?: string }; skip?: number; take?: number };

export function pageOfIds(ids: ReadonlyArray<string>, { cursor, skip = 0, take }: PageArgs): string[] {
  let anchor: number;
  if (cursor) {
    anchor = cursor.id === undefined ? -1 : ids.indexOf(cursor.id);
    if (anchor < 0) return [];
  } else {
    anchor = take !== undefined && take < 0 ? ids.length - 1 : 0;
  }
  if (take !== undefined && take < 0) {
    const end = anchor + 1 - skip;
    return ids.slice(Math.max(0, end + take), Math.max(0, end));
  }
  const start = anchor + skip;
  return ids.slice(start, take === undefined ? undefined : start + take);
}

/** Splits Pothos's query into page arguments and the selection. */
export function splitPageQuery<Q extends PageArgs>(query: Q): { page: PageArgs; selection: Omit<Q, keyof PageArgs> } {
  const { cursor, skip, take, ...selection } = query;
  return { page: { cursor, skip, take }, selection };
}

export function inOrder<T extends { id: string }>(ids: ReadonlyArray<string>, rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
