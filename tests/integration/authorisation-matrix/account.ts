import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { ApiClient } from "../helpers/api-server";
import { TEST_PASSWORD } from "../helpers/users";
import { SIGNED_IN, signedInExcept, type CaseContext, type OperationRow } from "./rows";

/** A live session row of a user on another device (what signIn would store), by prisma. */
async function deviceSession({ world }: CaseContext, userId: string) {
  return world.prisma.userSession.create({
    data: { userId, tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000), userAgent: "matrix-device" },
  });
}

/** Cases that end every session or change the password run as a fresh user of the role, on a session of its own. */
const freshUsers = new WeakMap<CaseContext, { client: ApiClient; userId: string }>();
async function freshUser(context: CaseContext) {
  const { client, user } = await context.world.ownSession(context.role, { freshUser: true });
  freshUsers.set(context, { client, userId: user.id });
  return { client, userId: user.id };
}

/** The viewer's own account: sessions (devices) and password. */
export const ACCOUNT_ROWS: OperationRow[] = [
  {
    operation: "Query.mySessions",
    case: "lists only the viewer's own sessions",
    document: `{ mySessions { id current } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const foreign = await deviceSession(context, context.world.users.other.id);
      return {
        allowed: (sessions) => {
          expect(sessions.some((session: any) => session.current)).toBe(true);
          expect(sessions.map((session: any) => session.id)).not.toContain(foreign.id);
        },
      };
    },
  },
  {
    operation: "Mutation.revokeSession",
    case: "one of the viewer's own other sessions",
    document: `mutation($id: ID!) { revokeSession(id: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const session = await deviceSession(context, context.viewerId);
      return { variables: { id: session.id }, state: () => context.world.prisma.userSession.findUnique({ where: { id: session.id } }) };
    },
  },
  {
    operation: "Mutation.revokeSession",
    case: "another staff member's session reads as missing, even for admins",
    document: `mutation($id: ID!) { revokeSession(id: $id) { __typename } }`,
    expect: signedInExcept({ STAFF: { typed: "NotFoundError" }, TRAINER: { typed: "NotFoundError" }, MANAGER: { typed: "NotFoundError" }, ADMIN: { typed: "NotFoundError" } }),
    prepare: async (context) => {
      const session = await deviceSession(context, context.world.users.other.id);
      return { variables: { id: session.id }, state: () => context.world.prisma.userSession.findUnique({ where: { id: session.id } }) };
    },
  },
  {
    operation: "Mutation.signOutEverywhere",
    case: "ends the viewer's sessions only",
    document: `mutation { signOutEverywhere }`,
    expect: SIGNED_IN,
    client: async (context) => (context.role === "anonymous" ? (await context.world.ownSession("anonymous")).client : freshUsers.get(context)!.client),
    prepare: async (context) => {
      const userId = context.role === "anonymous" ? context.world.users.other.id : (await freshUser(context)).userId;
      const foreign = await deviceSession(context, context.world.users.other.id);
      const live = () => context.world.prisma.userSession.findMany({ where: { userId: { in: [userId, foreign.userId] }, revokedAt: null }, orderBy: { id: "asc" } });
      return {
        state: live,
        allowed: async () => expect((await context.world.prisma.userSession.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull(),
      };
    },
  },
  {
    operation: "Mutation.changePassword",
    document: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ... on Error { message } } }`,
    expect: SIGNED_IN,
    client: async (context) => (context.role === "anonymous" ? (await context.world.ownSession("anonymous")).client : freshUsers.get(context)!.client),
    prepare: async (context) => {
      const userId = context.role === "anonymous" ? context.world.users.other.id : (await freshUser(context)).userId;
      return {
        variables: { input: { currentPassword: TEST_PASSWORD, newPassword: "Плотник зелёного маяка 4821!" } },
        state: () => context.world.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }),
      };
    },
  },
];
