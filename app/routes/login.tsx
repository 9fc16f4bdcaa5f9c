import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LoginForm, type LoginErrors } from "~/components/login-form";
import { DEMO_EMAIL, DEMO_PASSWORD } from "~/lib/demo";
import { SIGN_IN_WITH_LOCKOUT, type SignInWithLockoutData } from "~/lib/documents/account";
import { cookieHeaders, dataOrThrow, getViewer, safeRedirect } from "~/lib/graphql.server";
import { localeCookie, resolveLocale } from "~/lib/locale.server";
import { getFixedT } from "~/lib/i18n";
import { lockedMessage } from "~/lib/lockout-message.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("login.title"));

// A refused sign-in tells the browser (and scripts) when to try again.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("retry-after");
  return retryAfter ? { "retry-after": retryAfter } : new Headers();
};

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
  const limited = result.errors?.find((error) => error.extensions?.code === "RATE_LIMITED");
  if (limited) {
    const seconds = Number(limited.extensions?.retryAfterSeconds ?? 60);
    const form = getFixedT(resolveLocale(request, null))("login.rateLimited", { seconds });
    return data({ errors: { form } satisfies LoginErrors, email }, { status: 429, headers: { "retry-after": String(seconds) } });
  }
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
