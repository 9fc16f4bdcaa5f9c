import { describe, expect, it } from "vitest";
import { createSessionCookie } from "../../app/lib/session.server";
import { createViewerLoader } from "../../graphql/viewer";
import type { PrismaClient } from "../../prisma/client";

type UserRow = { id: string; name: string; role: "STAFF"; locale: string; sessionVersion: number };

/** Just enough of Prisma for loadViewer: a user table that counts its reads. */
function fakeUsers(rows: UserRow[]) {
  const table = new Map(rows.map((row) => [row.id, { ...row }]));
  const reads = { count: 0 };
  const prisma = {
    user: {
      findUnique: async ({ where }: { where: { id: string } }) => {
        reads.count++;
        const row = table.get(where.id);
        return row ? { ...row } : null;
      },
    },
  } as unknown as PrismaClient;
  return { prisma, table, reads };
}

const anna: UserRow = { id: "u-anna", name: "Анна", role: "STAFF", locale: "ru", sessionVersion: 1 };
const boris: UserRow = { id: "u-boris", name: "Борис", role: "STAFF", locale: "ru", sessionVersion: 1 };

async function cookieFor(user: UserRow, extra = "spros_locale=ru") {
  const setCookie = await createSessionCookie({ userId: user.id, sessionVersion: user.sessionVersion });
  return `${extra}; ${setCookie.split(";")[0]}`;
}

describe("viewer cache", () => {
  it("reads the user once per session within the TTL, and again after it", async () => {
    const { prisma, reads } = fakeUsers([anna]);
    let now = 1_000;
    const viewers = createViewerLoader(prisma, { ttlMs: 5_000, now: () => now });
    const cookie = await cookieFor(anna);
    expect(await viewers.load(cookie)).toMatchObject({ id: "u-anna", name: "Анна" });
    expect(await viewers.load(cookie)).toMatchObject({ id: "u-anna" });
    expect(reads.count).toBe(1);
    now += 5_001;
    await viewers.load(cookie);
    expect(reads.count).toBe(2);
  });

  it("sees a session version bump once the entry expires, and at once after forget()", async () => {
    const { prisma, table } = fakeUsers([anna]);
    let now = 0;
    const viewers = createViewerLoader(prisma, { ttlMs: 5_000, now: () => now });
    const cookie = await cookieFor(anna);
    await viewers.load(cookie);
    table.get("u-anna")!.sessionVersion = 2;
    now += 6_000;
    expect(await viewers.load(cookie)).toBeNull();

    const fresh = await cookieFor({ ...anna, sessionVersion: 2 });
    expect(await viewers.load(fresh)).toMatchObject({ locale: "ru" });
    table.get("u-anna")!.locale = "en";
    viewers.forget("u-anna");
    expect(await viewers.load(fresh)).toMatchObject({ locale: "en" });
  });

  it("does not cache refusals, so a forged or unknown cookie costs a lookup every time", async () => {
    const { prisma, reads } = fakeUsers([]);
    const viewers = createViewerLoader(prisma, { ttlMs: 60_000 });
    const unknown = await cookieFor(boris);
    expect(await viewers.load(unknown)).toBeNull();
    expect(await viewers.load(unknown)).toBeNull();
    expect(reads.count).toBe(2);
    expect(await viewers.load("spros_session=forged.value")).toBeNull();
    expect(await viewers.load("other=1")).toBeNull();
    expect(await viewers.load(undefined)).toBeNull();
    expect(reads.count).toBe(2);
  });

  it("keeps at most maxEntries sessions, dropping the oldest", async () => {
    const { prisma, reads } = fakeUsers([anna, boris]);
    const viewers = createViewerLoader(prisma, { ttlMs: 60_000, maxEntries: 1 });
    const annaCookie = await cookieFor(anna);
    await viewers.load(annaCookie);
    await viewers.load(await cookieFor(boris));
    await viewers.load(annaCookie);
    expect(reads.count).toBe(3);
  });

  it("never serves one user's session to another's cookie", async () => {
    const { prisma } = fakeUsers([anna, boris]);
    const viewers = createViewerLoader(prisma, { ttlMs: 60_000 });
    await viewers.load(await cookieFor(anna, "spros_locale=en"));
    expect(await viewers.load(await cookieFor(boris, "spros_locale=en"))).toMatchObject({ id: "u-boris" });
  });
});
