import { addDays, centreInstant, dateKey, fromDateKey } from "../../../domain/centre-time";
import type { PrismaClient } from "../../../prisma/client";
import { createPlace, createSession, globalId } from "../bookings-helpers";
import { ApiClient, type ApiServer } from "../helpers/api-server";
import { sessionCookieFor } from "../helpers/sessions";
import { createUsers, TEST_PASSWORD } from "../helpers/users";
import { createWorld as createReviewWorld } from "../proposal-review-world";
import type { Role } from "./rows";

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;

/**
 * The shared cast of the matrix: one signed-in user per role (signed in once, cookies reused), the
 * trainer linked to a Trainer resource, another staff member who owns the "someone else's" objects,
 * a site with a room, the signed-in trainer's own Trainer row and another trainer's, and the review
 * world's planning data. Cases create their own topics, sessions and bookings with the helpers below.
 */
export async function createMatrixWorld(prisma: PrismaClient, server: ApiServer) {
  const make = async (role: "STAFF" | "TRAINER" | "MANAGER" | "ADMIN", prefix: string) => (await createUsers(prisma, 1, { role, prefix }))[0];
  const users = {
    STAFF: await make("STAFF", "matrix-staff"),
    TRAINER: await make("TRAINER", "matrix-trainer"),
    MANAGER: await make("MANAGER", "matrix-manager"),
    ADMIN: await make("ADMIN", "matrix-admin"),
    other: await make("STAFF", "matrix-other"),
    otherTrainer: await make("TRAINER", "matrix-other-trainer"),
  };
  const ownPlace = await createPlace(prisma, { trainerUserId: users.TRAINER.id });
  const otherPlace = await createPlace(prisma, { trainerUserId: users.otherTrainer.id });
  const review = await createReviewWorld(prisma);

  const clients = { anonymous: new ApiClient(server) } as Record<Role, ApiClient>;
  for (const role of ["STAFF", "TRAINER", "MANAGER", "ADMIN"] as const) {
    clients[role] = await new ApiClient(server).signIn(users[role].email, TEST_PASSWORD);
  }

  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

  async function topic(options: { status?: "NEW" | "OPEN" | "PLANNED" | "SCHEDULED" | "REJECTED"; authorId?: string } = {}) {
    return prisma.topic.create({
      data: {
        title: `Тема матрицы ${unique()}`,
        description: "Описание темы для проверки прав доступа",
        block: "SERVICE_DELIVERY",
        format: "TRAINING",
        status: options.status ?? "OPEN",
        authorId: options.authorId ?? users.other.id,
        rejectionReason: options.status === "REJECTED" ? "Дубликат" : undefined,
      },
    });
  }

  /** A scheduled session taught by another trainer, or by the signed-in one ("own"); upcoming unless `startsAt` says otherwise. */
  async function session(options: { trainer?: "own" | "other"; startsAt?: Date } = {}) {
    const { id: topicId } = await topic({ status: "SCHEDULED" });
    return createSession(prisma, { topicId, place: options.trainer === "own" ? ownPlace : otherPlace, startsAt: options.startsAt ?? addDays(new Date(), 7) });
  }

  async function booking(userId: string, options: { trainer?: "own" | "other"; startsAt?: Date } = {}) {
    const { id: sessionId } = await session(options);
    await prisma.trainingSession.update({ where: { id: sessionId }, data: { seatsTaken: 1 } });
    return prisma.booking.create({ data: { sessionId, userId, status: "CONFIRMED", queueNumber: 1 } });
  }

  async function notification(userId: string) {
    const { id: topicId } = await topic();
    return prisma.notification.create({ data: { userId, kind: "TOPIC_STATUS_CHANGED", topicId, payload: { fromStatus: "NEW", toStatus: "OPEN" } } });
  }

  async function queuedRun() {
    return prisma.planningRun.create({
      data: { createdById: users.MANAGER.id, horizonStart: fromDateKey("2027-03-01"), horizonDays: 7, timeLimitSeconds: 5, instance: review.instance },
    });
  }

  /**
   * A client with a session of its own (no argon2 sign-in): as the role's user, or as a fresh user of
   * the role when the case ends every session or changes the password. Anonymous: no session.
   */
  async function ownSession(role: Role, options: { freshUser?: boolean } = {}) {
    const client = new ApiClient(server);
    if (role === "anonymous") return { client, user: users.other };
    const user = options.freshUser ? await make(role, `matrix-fresh-${role.toLowerCase()}-${unique()}`) : users[role];
    client.cookie = await sessionCookieFor(prisma, user.id);
    return { client, user };
  }

  /** A future centre date no other case uses (closed days, days off). */
  const futureDate = () => dateKey(addDays(fromDateKey("2031-01-01"), counter++));

  return {
    prisma,
    server,
    users,
    clients,
    ownPlace,
    otherPlace,
    review,
    unique,
    futureDate,
    topic,
    session,
    booking,
    notification,
    queuedRun,
    ownSession,
    gid: globalId,
    hourAgo: () => new Date(Date.now() - 3_600_000),
    centreInstant,
  };
}
