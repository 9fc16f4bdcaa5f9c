import type { PrismaClient } from "../prisma/client";
import type { Role } from "../prisma/generated/enums";

export type AttendanceMark = "ATTENDED" | "NO_SHOW";

export type AttendanceOutcome =
  | { kind: "marked"; bookingId: string }
  | { kind: "missing" }
  | { kind: "forbidden" }
  | { kind: "notStarted" }
  | { kind: "notConfirmed" };

/**
 * Marks whether a confirmed booking's person came. Only the session's own trainer (Trainer.userId)
 * or a manager may, and only once the session has started. Marking again overwrites.
 */
export async function markAttendance(
  prisma: PrismaClient,
  input: { bookingId: string; attendance: AttendanceMark; viewer: { id: string; role: Role }; now: Date },
): Promise<AttendanceOutcome> {
  const booking = await prisma.booking.findUnique({
    where: { id: input.bookingId },
    select: { status: true, session: { select: { startsAt: true, trainer: { select: { userId: true } } } } },
  });
  if (!booking) return { kind: "missing" };
  const manager = input.viewer.role === "MANAGER" || input.viewer.role === "ADMIN";
  if (!manager && booking.session.trainer.userId !== input.viewer.id) return { kind: "forbidden" };
  if (booking.session.startsAt.getTime() > input.now.getTime()) return { kind: "notStarted" };
  if (booking.status !== "CONFIRMED") return { kind: "notConfirmed" };
  await prisma.booking.update({
    where: { id: input.bookingId },
    data: { attendance: input.attendance, attendanceById: input.viewer.id },
  });
  return { kind: "marked", bookingId: input.bookingId };
}
