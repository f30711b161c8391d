/** The roles of the platform, exact strings, used in tokens, policies and tests. */
export const ROLES = [
  'gemeente-consulent',
  'gemeente-beleid',
  'gemeente-contractmanager',
  'adviesraad',
  'vol-coordinator',
  'vrijwilliger',
  'basis-medewerker',
  'aanbieder-medewerker',
  'hh-medewerker',
  'inwoner',
  'partner-systeem',
  'fg',
] as const;

export type Rol = (typeof ROLES)[number];

export function isRol(value: unknown): value is Rol {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that act for an organisation and therefore need an `organisatie` claim. */
export const ORGANISATIE_ROLES: readonly Rol[] = [
  'vol-coordinator',
  'vrijwilliger',
  'basis-medewerker',
  'aanbieder-medewerker',
  'hh-medewerker',
  'partner-systeem',
];

/**
 * Doelbinding (purpose limitation): the purposes a role may state for a request. The
 * first is the default when the client states none. Issue 7 binds purposes to
 * processing activities; here the gateway already refuses a purpose the role may not use.
 */
export const DOELEN_PER_ROL: Record<Rol, readonly string[]> = {
  'gemeente-consulent': ['toegang-en-beschikking', 'verantwoording'],
  'gemeente-beleid': ['beleid-en-sturing'],
  'gemeente-contractmanager': ['contractbeheer', 'beleid-en-sturing'],
  adviesraad: ['advisering'],
  'vol-coordinator': ['sociale-basis'],
  vrijwilliger: ['sociale-basis'],
  'basis-medewerker': ['toegang-en-regie', 'uitvoering-ondersteuning'],
  'aanbieder-medewerker': ['uitvoering-ondersteuning'],
  'hh-medewerker': ['uitvoering-ondersteuning'],
  inwoner: ['eigen-dossier'],
  'partner-systeem': ['gegevensuitwisseling'],
  fg: ['toezicht-privacy'],
};

/** The municipality every token and row defaults to (CBS code of Leeuwarden). */
export const DEFAULT_GEMEENTE = 'GM0080';

/** Dev and test only: the seeded organisation each role acts for when none is given. */
export const DEV_ORGANISATIE: Partial<Record<Rol, string>> = {
  'vol-coordinator': 'vol',
  vrijwilliger: 'vol',
  'basis-medewerker': 'amaryllis',
  'aanbieder-medewerker': 'windkracht058',
  'hh-medewerker': 'thfl',
  'partner-systeem': 'windkracht058',
};
