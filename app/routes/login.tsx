import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LoginForm, type LoginErrors } from "~/components/login-form";
import { DEMO_EMAIL, DEMO_PASSWORD } from "~/lib/demo";
import { SIGN_IN_WITH_LOCKOUT, type SignInWithLockoutData } from "~/lib/documents/account";
import { cookieHeaders, dataOrThrow, getViewer, safeRedirect } from "~/lib/graphql.server";
import { localeCookie, resolveLocale } from "~/lib/locale.server";
import { lockedMessage } from "~/lib/lockout-message.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("login.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getViewer(request, context)) throw redirect(redirectTo);
  const demo = (process.env.SPROS_SEED ?? "demo") === "demo";
  return { redirectTo, demo: demo ? { email: DEMO_EMAIL, password: DEMO_PASSWORD } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirect(form.get("redirectTo"));

  const errors: LoginErrors = {};
  if (!email) errors.email = "login.emailRequired";
  else if (!/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = "login.emailInvalid";
  if (!password) errors.password = "login.passwordRequired";
  if (errors.email || errors.password) return data({ errors, email }, { status: 400 });

  const result = await context.graphql<SignInWithLockoutData>(SIGN_IN_WITH_LOCKOUT, { input: { email, password } });
  const outcome = dataOrThrow(result).signIn;
  if (outcome.__typename === "MutationSignInSuccess" && "data" in outcome) {
    throw redirect(redirectTo, { headers: cookieHeaders(result.setCookies, [localeCookie(outcome.data.locale)]) });
  }
  if (outcome.__typename === "SignInLockedError" && "retryAfterSeconds" in outcome) {
    return data({ errors: { form: lockedMessage(resolveLocale(request, null), outcome) } satisfies LoginErrors, email }, { status: 429 });
  }
  if ("fieldErrors" in outcome && outcome.fieldErrors.length > 0) {
    for (const fe of outcome.fieldErrors) {
      const field = fe.path[fe.path.length - 1];
      if (field === "email") errors.email = fe.message;
      else if (field === "password") errors.password = fe.message;
    }
    if (errors.email || errors.password) return data({ errors, email }, { status: 400 });
  }
  return data({ errors: { form: "login.invalidCredentials" } satisfies LoginErrors, email }, { status: 401 });
}

export default function LoginRoute() {
  const { redirectTo, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <LoginForm redirectTo={redirectTo} demo={demo} errors={actionData?.errors} email={actionData?.email} />;
}
