import type pg from "pg";

/**
 * Runs `work` in one transaction on a client of the pool: COMMIT when it returns, ROLLBACK when it
 * throws. For the hot, lock-heavy paths (bookings, cancelling a session) that go through pg
 * directly: the pool queues waiting callers, where Prisma's interactive transactions would give up
 * after maxWait.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
