import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { SET_LOCALE, type SetLocaleData } from "~/lib/documents";
import { cookieHeaders, getViewer, safeRedirect } from "~/lib/graphql.server";
import { localeCookie } from "~/lib/locale.server";
import { isLocale } from "~/locales/shape";

/** Switches the interface language: a cookie for everyone, and the profile of a signed-in user. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(lng)) throw redirect(back);
  if (await getViewer(request, context)) {
    const result = await context.graphql<SetLocaleData>(SET_LOCALE, { locale: lng });
    if (result.errors?.length) console.error("[spros] setLocale failed:", result.errors.map((e) => e.message).join("; "));
  }
  throw redirect(back, { headers: cookieHeaders([localeCookie(lng)]) });
}

export async function loader() {
  throw redirect("/");
}
