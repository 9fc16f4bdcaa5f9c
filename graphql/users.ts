import { z } from "zod";
import { createSessionCookie, destroySessionCookie, readSessionToken } from "../app/lib/session.server";
import { SignInLockedError } from "./auth-errors";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { nonEmpty } from "./prisma-query";
import { InvalidCredentialsError, ValidationError } from "./errors";
import { validationErrorFromIssues } from "./validation-error";
import { verifyPassword } from "./passwords";
import { clearFailures, countAttempt, pruneThrottle, throttleKey } from "./sign-in-throttle";
import {
  pruneEndedSessions,
  requestCookieHeader,
  revokeSessionByToken,
  startUserSession,
} from "./user-sessions";
import "./account-security";

export const LocaleEnum = builder.enumType("Locale", { values: ["ru", "en"] as const });
export const RoleEnum = builder.enumType("Role", { values: ["STAFF", "TRAINER", "MANAGER", "ADMIN"] as const });

builder.prismaNode("Office", {
  // node(id) of a deleted or never-existing Office answers null, not an error.
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    district: t.exposeString("district"),
  }),
});

builder.prismaNode("User", {
  // node(id) of a deleted or never-existing User answers null, not an error.
  nullable: true,
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    // Staff see each other's names (authors of topics), but an email only on their own record.
    email: t.string({
      nullable: true,
      resolve: (user, _args, context) =>
        user.id === context.viewer?.id || context.viewer?.role === "ADMIN" ? user.email : null,
    }),
    role: t.field({ type: RoleEnum, resolve: (user) => user.role }),
    locale: t.field({ type: LocaleEnum, resolve: (user) => (user.locale === "en" ? "en" : "ru") }),
    office: t.relation("office", { nullable: true }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    description: "The signed-in user.",
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: context.viewer!.id } }),
  }),
);

const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

// Validated in the resolver, not by the validation plugin: sign-in is the one operation an
// anonymous caller may run, and the plugin hides validation details from anonymous callers.
const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

builder.mutationField("signIn", (t) =>
  t.prismaField({
    type: "User",
    skipTypeScopes: true,
    description:
      "Signs in with email and password. Always starts a new session (the response sets its cookie) and " +
      "ends the one the request came with. Repeated failures lock the email for a while (SignInLockedError), " +
      "whether or not it has an account.",
    errors: { types: [InvalidCredentialsError, SignInLockedError, ValidationError] },
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const parsed = SignInSchema.safeParse(args.input);
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["input"]);
      const input = parsed.data;
      const key = throttleKey(input.email);
      const attempt = await countAttempt(context.prisma, key);
      if (attempt.lockedBefore) throw new SignInLockedError(attempt.lockedBefore);
      const user = await context.prisma.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } });
      const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !valid) {
        if (attempt.lockIfWrong) throw new SignInLockedError(attempt.lockIfWrong);
        throw new InvalidCredentialsError();
      }
      await clearFailures(context.prisma, key);
      // Session fixation: whatever session this browser came with ends here, whoever it belonged to.
      await endRequestSession(context);
      const { token } = await startUserSession(context.prisma, user.id, context.client);
      context.responseCookies.push(await createSessionCookie(token));
      // Housekeeping must not turn a sign-in whose cookie is already set into an error.
      void Promise.all([pruneEndedSessions(context.prisma), pruneThrottle(context.prisma)]).catch((error) =>
        console.warn(`sign-in housekeeping failed: ${(error as Error).message}`),
      );
      return context.prisma.user.findUniqueOrThrow({ ...nonEmpty(query), where: { id: user.id } });
    },
  }),
);

/** Revokes the session of the request's cookie, if any, and drops it from every viewer cache. */
async function endRequestSession(context: GraphQLContext) {
  const token = await readSessionToken(requestCookieHeader(context));
  if (!token) return;
  const userId = await revokeSessionByToken(context.prisma, token);
  if (userId) context.viewers.forget(userId);
}

builder.mutationField("signOut", (t) =>
  t.boolean({
    skipTypeScopes: true,
    description: "Ends this browser's session: revoked on the server (a copied cookie stops working) and the cookie cleared.",
    resolve: async (_root, _args, context) => {
      await endRequestSession(context);
      context.responseCookies.push(await destroySessionCookie());
      return true;
    },
  }),
);

builder.mutationField("setLocale", (t) =>
  t.prismaField({
    type: "User",
    args: { locale: t.arg({ type: LocaleEnum, required: true }) },
    resolve: async (query, _root, { locale }, context) => {
      const user = await context.prisma.user.update({ ...nonEmpty(query), where: { id: context.viewer!.id }, data: { locale } });
      context.viewers.forget(user.id);
      return user;
    },
  }),
);
