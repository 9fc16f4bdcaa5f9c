import type { Role } from "../generated/enums";

/** Shared by every seeded account, demo and generated alike; printed in the startup banner. */
export const DEMO_PASSWORD = "spros-demo-2026";

export type DemoAccount = { role: Role; email: string; password: string; name: string };

export type DemoAccountSeed = Omit<DemoAccount, "password"> & {
  /** Office name from data/offices.ts, for staff. */
  officeName?: string;
};

// Both demo staff get no votes: browser tests vote as them and expect counts to move from a known
// state. The trainer account is linked to the first trainer of data/trainers.ts (same name).
export const DEMO_ACCOUNT_SEEDS: readonly DemoAccountSeed[] = [
  { role: "STAFF", email: "staff@spros.demo", name: "Анна Смирнова", officeName: "Центр госуслуг района Строгино" },
  { role: "STAFF", email: "staff2@spros.demo", name: "Игорь Петров", officeName: "Центр госуслуг района Хамовники" },
  { role: "TRAINER", email: "trainer@spros.demo", name: "Ольга Кузнецова" },
  { role: "MANAGER", email: "manager@spros.demo", name: "Марина Волкова" },
  { role: "ADMIN", email: "admin@spros.demo", name: "Дмитрий Орлов" },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_ACCOUNT_SEEDS.map(
  ({ role, email, name }) => ({ role, email, name, password: DEMO_PASSWORD }),
);

const ROLE_LABELS: Record<Role, string> = {
  STAFF: "Сотрудник / Staff",
  TRAINER: "Тренер / Trainer",
  MANAGER: "Менеджер / Manager",
  ADMIN: "Администратор / Admin",
};

/** A plain-text table for the server's startup banner (monospace, no colours). */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const rows = [
    ["Роль / Role", "E-mail", "Пароль / Password", "Имя / Name"],
    ...accounts.map((a) => [ROLE_LABELS[a.role] ?? a.role, a.email, a.password, a.name]),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) =>
    row.map((cell, col) => cell.padEnd(widths[col])).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return ["Демо-учётные записи / Demo accounts", line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}
