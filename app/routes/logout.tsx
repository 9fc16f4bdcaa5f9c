import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { SIGN_OUT, type SignOutData } from "~/lib/documents";
import { cookieHeaders } from "~/lib/graphql.server";

// Route code must not import app/lib/session.server.ts: the bundle inlines NODE_ENV=production,
// which makes that module demand SESSION_SECRET. signOut clears the cookie for us.
export async function action({ context }: ActionFunctionArgs) {
  const result = await context.graphql<SignOutData>(SIGN_OUT);
  throw redirect("/login", { headers: cookieHeaders(result.setCookies) });
}

export async function loader() {
  throw redirect("/");
}
