import { randomUUID } from "node:crypto";
import { sessionCookieFor } from "./helpers/sessions";
import { addDays, centreInstant, centreWallClock } from "../../domain/centre-time";
import type { PrismaClient } from "../../prisma/client";
import { ApiClient, type ApiServer } from "./helpers/api-server";

/**
 * Booking tests build their sessions directly (as an approval would leave them), independent of
 * the planning and approval code.
 */
export type SessionPlace = { siteId: string; roomId: string; trainerId: string };

export async function createPlace(prisma: PrismaClient, options: { trainerUserId?: string } = {}): Promise<SessionPlace> {
  const code = `s${randomUUID().slice(0, 8)}`;
  const site = await prisma.site.create({ data: { code, name: `Площадка ${code}`, address: "Москва, ул. Тестовая, 1" } });
  const room = await prisma.room.create({ data: { siteId: site.id, name: "Аудитория «1»", capacity: 30 } });
  const trainer = await prisma.trainer.create({ data: { name: `Тренер ${code}`, userId: options.trainerUserId } });
  return { siteId: site.id, roomId: room.id, trainerId: trainer.id };
}

export async function createTopic(prisma: PrismaClient, title = "Тема для записи", format: "TRAINING" | "WEBINAR" = "TRAINING") {
  return prisma.topic.create({
    data: { title, description: `Описание темы «${title}»`, block: "SERVICE_DELIVERY", format, status: "SCHEDULED" },
  });
}

export type SessionOptions = {
  topicId: string;
  place: SessionPlace;
  capacity?: number;
  /** The start, as an instant (the centre's date and minute are derived); default: in 7 days. */
  startsAt?: Date;
  /** Or the centre's date (UTC midnight) and minute. */
  date?: Date;
  startMinute?: number;
  durationMinutes?: number;
  votersOnlyUntil?: Date;
  online?: boolean;
};

export async function createSession(prisma: PrismaClient, options: SessionOptions) {
  const duration = options.durationMinutes ?? 120;
  let date: Date;
  let startMinute: number;
  if (options.date) {
    date = options.date;
    startMinute = options.startMinute ?? 600;
  } else {
    ({ date, minute: startMinute } = centreWallClock(options.startsAt ?? addDays(new Date(), 7)));
  }
  const startsAt = centreInstant(date, startMinute);
  return prisma.trainingSession.create({
    data: {
      topicId: options.topicId,
      trainerId: options.place.trainerId,
      siteId: options.online ? null : options.place.siteId,
      roomId: options.online ? null : options.place.roomId,
      date,
      startMinute,
      endMinute: startMinute + duration,
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration * 60_000),
      capacity: options.capacity ?? 20,
      votersOnlyUntil: options.votersOnlyUntil ?? new Date(Date.now() - 3_600_000),
    },
  });
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** A client signed in by a minted cookie (no argon2 sign-in per user). */
export async function clientFor(server: ApiServer, userId: string): Promise<ApiClient> {
  const client = new ApiClient(server);
  client.cookie = await sessionCookieFor(server.prisma, userId);
  return client;
}

export const BOOK = /* GraphQL */ `
  mutation Book($id: ID!) {
    bookSession(sessionId: $id) {
      __typename
      ... on MutationBookSessionSuccess { data { id status queueNumber waitlistPosition } }
      ... on VotersOnlyError { until }
      ... on SessionNotBookableError { reason }
      ... on Error { message }
    }
  }
`;

export const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!) {
    cancelBooking(bookingId: $id) {
      __typename
      ... on MutationCancelBookingSuccess { data { id status } }
      ... on CancellationClosedError { cutoff }
      ... on Error { message }
    }
  }
`;

