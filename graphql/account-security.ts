import { createSessionCookie, destroySessionCookie } from "../app/lib/session.server";
import { SignInLockedError } from "./auth-errors";
import { builder } from "./builder";
import { NotFoundError, ValidationError } from "./errors";
import { hashPassword, verifyPassword } from "./passwords";
import { passwordProblems, passwordText } from "./password-rules";
import { clearFailures, countAttempt, throttleKey } from "./sign-in-throttle";
import { currentTokenHash, newSessionRow, revokeUserSessions } from "./user-sessions";
import { FieldError } from "./validation-error";

/** The signed-in user's own sessions (devices), and the password that guards them. */
builder.prismaObject("UserSession", {
  description: "A browser or device signed in to the viewer's account.",
  fields: (t) => ({
    id: t.exposeID("id"),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it signed in." }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", description: "Last use, to within a few minutes." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
    current: t.boolean({
      description: "Whether this is the session the request came with (this device).",
      select: { tokenHash: true },
      resolve: async (session, _args, context) => session.tokenHash === (await currentTokenHash(context)),
    }),
  }),
});

builder.queryField("mySessions", (t) =>
  t.prismaField({
    type: ["UserSession"],
    description: "The viewer's live sessions, most recently used first.",
    resolve: (query, _root, _args, context) =>
      context.prisma.userSession.findMany({
        ...query,
        where: { userId: context.viewer!.id, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      }),
  }),
);

builder.mutationField("revokeSession", (t) =>
  t.boolean({
    description: "Ends one of the viewer's sessions (another device, or this one). Others' sessions are NotFound.",
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const viewerId = context.viewer!.id;
      const [session] = await context.prisma.userSession.updateManyAndReturn({
        where: { id: String(id), userId: viewerId, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { revokedAt: new Date() },
        select: { tokenHash: true },
      });
      if (!session) throw new NotFoundError("Session");
      context.viewers.forget(viewerId);
      if (session.tokenHash === (await currentTokenHash(context))) context.responseCookies.push(await destroySessionCookie());
      return true;
    },
  }),
);

builder.mutationField("signOutEverywhere", (t) =>
  t.int({
    description: "Ends every session of the viewer, this one included; returns how many ended.",
    resolve: async (_root, _args, context) => {
      const ended = await revokeUserSessions(context.prisma, context.viewer!.id);
      context.viewers.forget(context.viewer!.id);
      context.responseCookies.push(await destroySessionCookie());
      return ended;
    },
  }),
);

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

builder.mutationField("changePassword", (t) =>
  t.int({
    description:
      "Sets a new password (checked against the password rules) after checking the current one, ends " +
      "every other session of the viewer and returns how many ended. This device stays signed in under a " +
      "new session (a new cookie), so a stolen copy of its old cookie stops working too. Wrong current " +
      "passwords count towards the sign-in lockout of the viewer's email.",
    errors: { types: [ValidationError, SignInLockedError] },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const viewer = context.viewer!;
      const user = await context.prisma.user.findUniqueOrThrow({
        where: { id: viewer.id },
        select: { email: true, name: true, passwordHash: true },
      });
      const key = throttleKey(user.email);

      const fieldErrors: FieldError[] = [];
      const field = (name: string, text: Parameters<typeof passwordText>[1]) =>
        fieldErrors.push(new FieldError(["input", name], passwordText(viewer.locale, text)));
      if (input.currentPassword.length === 0) field("currentPassword", "currentRequired");
      else {
        // A guess at the current password counts like a sign-in attempt, before it is checked.
        const attempt = await countAttempt(context.prisma, key);
        if (attempt.lockedBefore) throw new SignInLockedError(attempt.lockedBefore);
        if (input.currentPassword.length > 1024 || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
          if (attempt.lockIfWrong) throw new SignInLockedError(attempt.lockIfWrong);
          field("currentPassword", "currentWrong");
        } else await clearFailures(context.prisma, key);
      }
      for (const problem of passwordProblems(input.newPassword, user)) field("newPassword", problem);
      if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);

      const passwordHash = await hashPassword(input.newPassword);
      const currentHash = await currentTokenHash(context);
      const now = new Date();
      // The password may be changed because this very cookie leaked: it is replaced as well.
      const successor = newSessionRow(viewer.id, context.client, now);
      const [, others] = await context.prisma.$transaction([
        context.prisma.user.update({ where: { id: viewer.id }, data: { passwordHash }, select: { id: true } }),
        context.prisma.userSession.updateMany({
          where: { userId: viewer.id, revokedAt: null, ...(currentHash ? { tokenHash: { not: currentHash } } : {}) },
          data: { revokedAt: now },
        }),
        ...(currentHash
          ? [
              context.prisma.userSession.updateMany({ where: { userId: viewer.id, tokenHash: currentHash, revokedAt: null }, data: { revokedAt: now } }),
              context.prisma.userSession.create({ data: successor.data, select: { id: true } }),
            ]
          : []),
      ]);
      if (currentHash) context.responseCookies.push(await createSessionCookie(successor.token));
      await clearFailures(context.prisma, key);
      context.viewers.forget(viewer.id);
      return others.count;
    },
  }),
);
