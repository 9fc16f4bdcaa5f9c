import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../../domain/booking-schedule-csv";
import { SCHEDULE_EXPORT, type ScheduleExportData } from "~/lib/documents/bookings";
import { requireUser } from "~/lib/graphql.server";
import { getFixedT } from "~/lib/i18n";

/** GET /manage/schedule.csv?from=YYYY-MM-DD&to=YYYY-MM-DD — every session in the range, for managers. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  if (viewer.role !== "MANAGER" && viewer.role !== "ADMIN") throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  const result = await context.graphql<ScheduleExportData>(SCHEDULE_EXPORT, { from, to });
  if (result.errors?.length || !result.data) throw new Response("Bad date range", { status: 400 });
  const t = getFixedT(viewer.locale);
  const header = ["csvDate", "csvStart", "csvEnd", "csvTopic", "csvTrainer", "csvSite", "csvRoom", "csvCapacity", "csvBooked", "csvWaitlisted", "csvStatus"].map(
    (key) => t(`booking.${key}` as "booking.csvDate"),
  );
  const rows = result.data.scheduleExport.map((s) => [
    s.date,
    s.startTime,
    s.endTime,
    s.topic.title,
    s.trainerName,
    s.online || !s.site ? t("booking.online") : s.site.name,
    s.roomName,
    s.capacity,
    s.seatsTaken,
    s.waitlisted,
    s.status === "CANCELLED" ? t("booking.csvCancelled") : t("booking.csvScheduled"),
  ]);
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="spros-schedule-${from}-${to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
