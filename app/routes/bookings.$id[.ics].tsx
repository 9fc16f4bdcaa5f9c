import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookingCalendar, calendarResponse } from "~/lib/calendar.server";
import { idFromParam } from "~/lib/documents/bookings";
import { requireUser } from "~/lib/graphql.server";

/** GET /bookings/<id>.ics — the calendar file of one of the viewer's own bookings; 404 for anyone else's. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ics = await bookingCalendar(context, idFromParam(params.id), viewer.locale);
  if (!ics) throw new Response("Not found", { status: 404 });
  return calendarResponse(ics, "spros-booking.ics");
}
