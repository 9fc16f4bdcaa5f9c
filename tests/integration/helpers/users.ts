import { hashPassword } from "../../../graphql/passwords";
import type { PrismaClient } from "../../../prisma/client";
import type { Role } from "../../../prisma/generated/enums";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

/** Creates users sharing one password hash (argon2 is deliberately slow; hash once per file). */
export async function createUsers(prisma: PrismaClient, count: number, options: { role?: Role; prefix?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const prefix = options.prefix ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const data = Array.from({ length: count }, (_, index) => ({
    email: `${prefix}-${index}@test.spros`,
    name: `Тестовый Пользователь ${index}`,
    role: options.role ?? "STAFF",
    passwordHash,
  }));
  await prisma.user.createMany({ data });
  return prisma.user.findMany({ where: { email: { in: data.map((user) => user.email) } }, orderBy: { email: "asc" } });
}

export async function createTopics(prisma: PrismaClient, authorId: string, titles: string[]) {
  const topics = [];
  for (const [index, title] of titles.entries()) {
    topics.push(
      await prisma.topic.create({
        data: {
          title,
          description: `Описание темы «${title}» для проверки`,
          block: index % 2 ? "SERVICE_CULTURE" : "SERVICE_DELIVERY",
          format: index % 3 ? "TRAINING" : "WEBINAR",
          status: "OPEN",
          authorId,
          createdAt: new Date(Date.UTC(2026, 10, 1, 9, index)),
        },
      }),
    );
  }
  return topics;
}
