import { generateAvailability, pickPersona } from "./availability";
import type { AvailabilityWindow, Persona } from "./availability";
import { SITE_AFFINITY } from "./content/offices";
import type { OfficeSeed } from "./content/offices";
import {
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  SURNAMES,
  feminineSurname,
  transliterate,
} from "./content/names";
import type { SiteCode } from "./content/sites";
import type { Random } from "./random";

export type StaffProfile = {
  name: string;
  email: string;
  officeIndex: number;
  onlineOk: boolean;
  persona: Persona;
  sites: SiteCode[];
  availability: AvailabilityWindow[];
  /** 0 = only wants service-culture topics, 1 = only service delivery. */
  deliveryLean: number;
  createdDaysAgo: number;
};

/** Site preference correlated with the office's okrug: Strogino is north-west, VDNKh north-east. */
export function pickSites(random: Random, district: string): SiteCode[] {
  const affinity = SITE_AFFINITY[district] ?? { strogino: 0.5, both: 0.3 };
  const primary: SiteCode = random.chance(affinity.strogino) ? "strogino" : "vdnkh";
  if (!random.chance(affinity.both)) return [primary];
  return ["strogino", "vdnkh"];
}

export function generateStaff(
  random: Random,
  count: number,
  offices: readonly OfficeSeed[],
  takenEmails: ReadonlySet<string>,
): StaffProfile[] {
  // Office sizes vary: some centres have three times the staff of others.
  const officeWeights = offices.map(() => 0.5 + random.next() * 1.5);
  const emails = new Set(takenEmails);
  const staff: StaffProfile[] = [];

  for (let i = 0; i < count; i++) {
    const female = random.chance(0.76);
    const first = female ? random.pick(FEMALE_FIRST_NAMES) : random.pick(MALE_FIRST_NAMES);
    const maleSurname = random.pick(SURNAMES);
    const last = female ? feminineSurname(maleSurname) : maleSurname;

    const base = `${transliterate(first)}.${transliterate(last)}`;
    let email = `${base}@staff.spros.demo`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@staff.spros.demo`;
    emails.add(email);

    const officeIndex = random.weightedIndex(officeWeights);
    const persona = pickPersona(random);
    staff.push({
      name: `${first} ${last}`,
      email,
      officeIndex,
      onlineOk: random.chance(persona === "weekend" ? 0.9 : 0.78),
      persona,
      sites: pickSites(random, offices[officeIndex].district),
      availability: generateAvailability(random, persona),
      deliveryLean: random.pick([0.25, 0.5, 0.5, 0.65, 0.8]),
      createdDaysAgo: random.int(30, 900),
    });
  }
  return staff;
}
