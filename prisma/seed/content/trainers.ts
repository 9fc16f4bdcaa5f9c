import type { SiteCode } from "./sites";

// The Training Centre's 14 trainers. Each works from one or both sites, teaches a handful of related
// topics (by TopicSeed.key) and has a weekly pattern; a few cover evenings and weekends so that
// shift workers' demand can be served.

export type TrainerSeed = {
  name: string;
  sites: SiteCode[];
  topics: string[];
  maxHoursPerWeek: number;
  /** Weekly pattern: the same hours ("HH:MM") on each listed ISO weekday. */
  availability: { weekdays: number[]; from: string; to: string }[];
};

const WEEKDAYS = [1, 2, 3, 4, 5];

export const TRAINERS: readonly TrainerSeed[] = [
  {
    // Linked to the demo TRAINER account.
    name: "Ольга Кузнецова",
    sites: ["strogino", "vdnkh"],
    topics: ["conflicts", "difficult-clients", "stress", "emotional-intelligence", "complaints", "apology", "client-basics"],
    maxHoursPerWeek: 30,
    availability: [{ weekdays: WEEKDAYS, from: "09:00", to: "18:00" }],
  },
  {
    name: "Сергей Белов",
    sites: ["strogino"],
    topics: ["leadership", "mentoring", "feedback", "public-speaking", "change-management", "motivation", "satisfaction", "team-conflicts"],
    maxHoursPerWeek: 24,
    availability: [{ weekdays: [2, 3, 4, 5, 6], from: "10:00", to: "19:00" }],
  },
  {
    name: "Наталья Егорова",
    sites: ["vdnkh"],
    topics: ["disability-culture", "sign-language", "sensory", "elderly", "disability-services", "families"],
    maxHoursPerWeek: 30,
    availability: [{ weekdays: WEEKDAYS, from: "08:00", to: "17:00" }],
  },
  {
    name: "Ирина Соколова",
    sites: ["strogino", "vdnkh"],
    topics: ["passport", "foreign-passport", "registration", "document-checks", "migration", "military"],
    maxHoursPerWeek: 32,
    availability: [
      { weekdays: WEEKDAYS, from: "08:00", to: "16:00" },
      { weekdays: [6], from: "10:00", to: "14:00" },
    ],
  },
  {
    name: "Алексей Морозов",
    sites: ["strogino"],
    topics: ["mosru", "gosuslugi-account", "e-signature", "ais-mfc", "queue", "self-service", "personal-data"],
    maxHoursPerWeek: 28,
    availability: [
      { weekdays: [1, 2, 3, 4], from: "12:00", to: "20:00" },
      { weekdays: [6], from: "09:00", to: "15:00" },
    ],
  },
  {
    name: "Елена Васильева",
    sites: ["vdnkh"],
    topics: ["social-benefits", "social-card", "pension", "large-families", "disability-services", "zags-birth"],
    maxHoursPerWeek: 30,
    availability: [{ weekdays: WEEKDAYS, from: "09:00", to: "18:00" }],
  },
  {
    name: "Дмитрий Лебедев",
    sites: ["strogino"],
    topics: ["housing-subsidy", "housing-epd", "housing-accounts", "rosreestr", "tax", "archive"],
    maxHoursPerWeek: 30,
    availability: [
      { weekdays: [1, 3, 5], from: "08:00", to: "20:00" },
      { weekdays: [2], from: "08:00", to: "14:00" },
    ],
  },
  {
    name: "Татьяна Новикова",
    sites: ["strogino", "vdnkh"],
    topics: ["stress", "burnout", "crisis-support", "emotional-intelligence", "time-management", "apology"],
    maxHoursPerWeek: 26,
    availability: [{ weekdays: [2, 3, 4, 5, 6], from: "11:00", to: "20:00" }],
  },
  {
    name: "Марина Павлова",
    sites: ["strogino", "vdnkh"],
    topics: ["client-basics", "values", "moscow-standard", "onboarding-delivery", "newcomers-day", "appearance", "hall-administrator", "speech"],
    maxHoursPerWeek: 36,
    availability: [{ weekdays: WEEKDAYS, from: "08:00", to: "17:00" }],
  },
  {
    name: "Андрей Фёдоров",
    sites: ["vdnkh"],
    topics: ["conflicts", "difficult-clients", "peak-hours", "hall-administrator", "teamwork", "team-conflicts"],
    maxHoursPerWeek: 30,
    availability: [{ weekdays: [3, 4, 5, 6, 7], from: "10:00", to: "20:00" }],
  },
  {
    name: "Юлия Киселёва",
    sites: ["vdnkh"],
    topics: ["business-communication", "phone", "speech", "complaints", "foreigners", "zags-marriage", "zags-death"],
    maxHoursPerWeek: 28,
    availability: [{ weekdays: WEEKDAYS, from: "10:00", to: "19:00" }],
  },
  {
    name: "Павел Зайцев",
    sites: ["strogino"],
    topics: ["regulations-review", "ais-mfc", "transport", "school", "parking", "employment", "passport"],
    maxHoursPerWeek: 32,
    availability: [{ weekdays: WEEKDAYS, from: "08:00", to: "16:00" }],
  },
  {
    name: "Светлана Григорьева",
    sites: ["strogino", "vdnkh"],
    topics: ["mentoring", "feedback", "best-practices", "families", "teamwork", "leadership", "satisfaction"],
    maxHoursPerWeek: 24,
    availability: [
      { weekdays: [1, 2, 4], from: "09:00", to: "19:00" },
      { weekdays: [6], from: "10:00", to: "16:00" },
    ],
  },
  {
    name: "Виктория Романова",
    sites: ["strogino"],
    topics: ["conflicts", "stress", "client-basics", "disability-culture", "mosru", "onboarding-delivery", "sensory"],
    maxHoursPerWeek: 30,
    availability: [
      { weekdays: [1, 2, 3], from: "14:00", to: "20:00" },
      { weekdays: [6, 7], from: "09:00", to: "18:00" },
    ],
  },
];
