// The Training Centre's two sites: the original centre opened in 2015 in the Strogino office and the
// branch in the «Мои документы» palace at VDNKh. Both open 08:00–20:00 every day.

export type SiteCode = "strogino" | "vdnkh";

export type SiteSeed = {
  code: SiteCode;
  name: string;
  address: string;
  opensMinute: number;
  closesMinute: number;
  rooms: { name: string; capacity: number }[];
};

export const SITES: readonly SiteSeed[] = [
  {
    code: "strogino",
    name: "Учебный центр «Строгино»",
    address: "Москва, Строгинский бульвар, д. 14, корп. 3 (центр госуслуг района Строгино)",
    opensMinute: 8 * 60,
    closesMinute: 20 * 60,
    rooms: [
      { name: "Тренинговый зал «Старт»", capacity: 24 },
      { name: "Аудитория 2", capacity: 18 },
      { name: "Аудитория 3", capacity: 16 },
      { name: "Переговорная «Диалог»", capacity: 12 },
    ],
  },
  {
    code: "vdnkh",
    name: "Дворец «Мои документы» на ВДНХ",
    address: "Москва, проспект Мира, д. 119, ВДНХ",
    opensMinute: 8 * 60,
    closesMinute: 20 * 60,
    rooms: [
      // The large hall takes whole-shift seminars and round tables with several offices at once.
      { name: "Большой зал", capacity: 60 },
      { name: "Аудитория «Москва»", capacity: 24 },
      { name: "Тренинговая комната", capacity: 16 },
    ],
  },
];
