import type { PrismaClient } from "../prisma/client";
import { readSessionIdentity } from "../app/lib/session.server";
import type { Viewer } from "./context";

/** Resolves the signed cookie to a user; a cookie from before "sign out everywhere" is ignored. */
export async function loadViewer(prisma: PrismaClient, cookieHeader: string | null | undefined): Promise<Viewer | null> {
  const identity = await readSessionIdentity(cookieHeader);
  if (!identity) return null;
  const user = await prisma.user.findUnique({
    where: { id: identity.userId },
    select: { id: true, name: true, role: true, locale: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== identity.sessionVersion) return null;
  return { id: user.id, name: user.name, role: user.role, locale: user.locale };
}
