/**
 * Reference data for the seed, from shared/domain.md and shared/domain-facts.md.
 * Wijk codes and names: domain-facts §4 ("likely", not verified against a CBS table).
 * The gebied of each wijk and the wijk of each kamer are our assumption: the documents
 * name gebieden and hoofdlocaties but do not map them to CBS wijken.
 */
export interface WijkRef { code: string; naam: string; gebied: string; plaats: string; gewicht: number }
export interface KamerRef { naam: string; gebied: string; wijkCode: string; plaats: string; adres: string | null; hoofdlocatie: boolean }
/** contractTot: the party's contract ended on that date (its clients must be placed). */
export interface OrganisatieRef { slug: string; naam: string; soort: string; contractTot?: string }

export interface GemeenteRef {
  code: string;
  naam: string;
  wijken: WijkRef[];
  kamers: KamerRef[];
  organisaties: OrganisatieRef[];
}

const LEEUWARDEN_WIJKEN: WijkRef[] = [
  { code: 'WK008010', naam: 'Binnenstad', gebied: 'Centrum-Oost', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008011', naam: 'Potmargezone', gebied: 'Centrum-Oost', plaats: 'Leeuwarden', gewicht: 1 },
  { code: 'WK008020', naam: 'Oud-Oost', gebied: 'Oud-Oost', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008030', naam: 'Sonnenborgh e.o.', gebied: 'West', plaats: 'Leeuwarden', gewicht: 2 },
  { code: 'WK008031', naam: 'Westeinde e.o.', gebied: 'West', plaats: 'Leeuwarden', gewicht: 2 },
  { code: 'WK008032', naam: 'Vossepark & Helicon', gebied: 'West', plaats: 'Leeuwarden', gewicht: 2 },
  { code: 'WK008040', naam: 'Huizum-West', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008041', naam: 'Nijlân & De Zwette', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 2 },
  { code: 'WK008050', naam: 'Heechterp & Schieringen', gebied: 'Noord-Oost', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008051', naam: 'Camminghaburen e.o.', gebied: 'Noord-Oost', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008060', naam: 'Bilgaard & Havankpark e.o.', gebied: 'Noord', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008061', naam: 'Vrijheidswijk', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 3 },
  { code: 'WK008062', naam: 'Dokkumer Ie e.o.', gebied: 'Noord', plaats: 'Leeuwarden', gewicht: 1 },
  { code: 'WK008063', naam: 'Stiens e.o.', gebied: 'Dorpen noord', plaats: 'Stiens', gewicht: 2 },
  { code: 'WK008070', naam: 'Aldlân & De Hemrik', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 2 },
  { code: 'WK008072', naam: 'Hempens/Teerns & Zuiderburen', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 1 },
  { code: 'WK008073', naam: 'De Zuidlanden', gebied: 'Zuid', plaats: 'Leeuwarden', gewicht: 1 },
  { code: 'WK008074', naam: 'Middelsee', gebied: 'Noord', plaats: 'Leeuwarden', gewicht: 1 },
  { code: 'WK008080', naam: 'Dorpen Zuid-Oost', gebied: 'Dorpen zuid', plaats: 'Wergea', gewicht: 1 },
  { code: 'WK008081', naam: 'Dorpen Zuid-West', gebied: 'Dorpen zuid', plaats: 'Mantgum', gewicht: 1 },
  { code: 'WK008082', naam: 'Grou e.o.', gebied: 'Dorpen zuid', plaats: 'Grou', gewicht: 2 },
];

const LEEUWARDEN_KAMERS: KamerRef[] = [
  { naam: 'Wijkcentrum het Knooppunt', gebied: 'Centrum-Oost', wijkCode: 'WK008011', plaats: 'Leeuwarden', adres: null, hoofdlocatie: true },
  { naam: 'Wijkcentrum Heechterp Schieringen', gebied: 'Noord-Oost', wijkCode: 'WK008050', plaats: 'Leeuwarden', adres: null, hoofdlocatie: true },
  { naam: 'MFC Westenkwartier', gebied: 'West', wijkCode: 'WK008031', plaats: 'Leeuwarden', adres: null, hoofdlocatie: true },
  { naam: 'Oude Ambachtsschool', gebied: 'Zuid', wijkCode: 'WK008040', plaats: 'Leeuwarden', adres: 'Cornelis Trooststraat', hoofdlocatie: true },
  { naam: 'Wijkcentrum Bilgaard', gebied: 'Noord', wijkCode: 'WK008060', plaats: 'Leeuwarden', adres: null, hoofdlocatie: true },
  { naam: 'Netwerkcentrum de Klomp', gebied: 'Oud-Oost', wijkCode: 'WK008020', plaats: 'Leeuwarden', adres: null, hoofdlocatie: true },
  { naam: 'Kringloopwinkel Grou', gebied: 'Dorpen zuid', wijkCode: 'WK008082', plaats: 'Grou', adres: null, hoofdlocatie: true },
  { naam: 'MFC de Wjukken', gebied: 'Dorpen zuid', wijkCode: 'WK008081', plaats: 'Mantgum', adres: null, hoofdlocatie: true },
  { naam: 'De Skalm', gebied: 'Dorpen noord', wijkCode: 'WK008063', plaats: 'Stiens', adres: null, hoofdlocatie: true },
  { naam: 'Dorpskamer Wergea', gebied: 'Dorpen zuid', wijkCode: 'WK008080', plaats: 'Wergea', adres: null, hoofdlocatie: false },
  { naam: 'Dorpskamer Easterlittens', gebied: 'Dorpen zuid', wijkCode: 'WK008081', plaats: 'Easterlittens', adres: null, hoofdlocatie: false },
  { naam: 'Buurtkamer Camminghaburen', gebied: 'Noord-Oost', wijkCode: 'WK008051', plaats: 'Leeuwarden', adres: null, hoofdlocatie: false },
];

/** The parties of shared/domain.md. Onderaannemer names are not in the documents: fictitious. */
const LEEUWARDEN_ORGANISATIES: OrganisatieRef[] = [
  { slug: 'gemeente-leeuwarden', naam: 'Gemeente Leeuwarden', soort: 'GEMEENTE' },
  { slug: 'vol', naam: 'V-O-L (Vrijwilligers Organisaties Leeuwarden)', soort: 'VRIJWILLIGERSORGANISATIE' },
  { slug: 'asd', naam: 'Adviesraad Sociaal Domein', soort: 'ADVIESRAAD' },
  { slug: 'amaryllis', naam: 'Amaryllis', soort: 'BASISONDERSTEUNING' },
  { slug: 'windkracht058', naam: 'Windkracht058', soort: 'HOOFDAANBIEDER' },
  { slug: 'thfl', naam: 'Thuiszorg Het Friese Land', soort: 'HH_AANBIEDER' },
  { slug: 'miep', naam: 'M.I.E.P. Huishoudservice', soort: 'HH_AANBIEDER' },
  // The documents mention 8 clients of providers that did not respond; this party is fictitious.
  { slug: 'hh-gestopt', naam: 'Thuishulp Noord (gestopt, fictief)', soort: 'HH_AANBIEDER', contractTot: '2020-12-31' },
  { slug: 'solidair-friesland', naam: 'Solidair Friesland', soort: 'VRIJWILLIGERSORGANISATIE' },
  { slug: 'wijkpanels', naam: 'Wijkpanels Leeuwarden', soort: 'VRIJWILLIGERSORGANISATIE' },
  { slug: 'dorpsbelangen', naam: 'Dorpsbelangen', soort: 'VRIJWILLIGERSORGANISATIE' },
  { slug: 'bibliotheek', naam: 'Bibliotheek', soort: 'VRIJWILLIGERSORGANISATIE' },
  ...[
    ['dementie', 'Dementiezorg'],
    ['agressie', 'Agressieregulatie'],
    ['verslaving', 'Verslavingszorg'],
    ['nah', 'NAH-begeleiding'],
    ['lvb', 'LVB-ondersteuning'],
    ['ggz', 'GGZ-begeleiding'],
    ['autisme', 'Autismebegeleiding'],
    ['dagbesteding-noord', 'Dagbesteding Noord'],
    ['dagbesteding-zuid', 'Dagbesteding Zuid'],
    ['jongvolwassenen', 'Jongvolwassenen'],
  ].map(([slug, naam]) => ({ slug: `oa-${slug}`, naam: `${naam} (onderaannemer, fictief)`, soort: 'ONDERAANNEMER' })),
];

export const LEEUWARDEN: GemeenteRef = {
  code: 'GM0080',
  naam: 'Leeuwarden',
  wijken: LEEUWARDEN_WIJKEN,
  kamers: LEEUWARDEN_KAMERS,
  organisaties: LEEUWARDEN_ORGANISATIES,
};

/**
 * A second, small municipality for the tenant-isolation test (Schiermonnikoog, GM0088).
 * Its wijk code follows the CBS pattern; it is test data, not a verified CBS code.
 */
export const TEST_GEMEENTE: GemeenteRef = {
  code: 'GM0088',
  naam: 'Schiermonnikoog',
  wijken: [{ code: 'WK008800', naam: 'Schiermonnikoog', gebied: 'Eiland', plaats: 'Schiermonnikoog', gewicht: 1 }],
  kamers: [{ naam: 'Dorpskamer Schiermonnikoog', gebied: 'Eiland', wijkCode: 'WK008800', plaats: 'Schiermonnikoog', adres: null, hoofdlocatie: true }],
  organisaties: LEEUWARDEN_ORGANISATIES.filter((o) => ['gemeente-leeuwarden', 'amaryllis', 'windkracht058', 'thfl', 'vol', 'oa-dementie'].includes(o.slug))
    .map((o) => (o.slug === 'gemeente-leeuwarden' ? { ...o, slug: 'gemeente', naam: 'Gemeente Schiermonnikoog' } : o)),
};

/** Organisation ids: the slug for Leeuwarden, prefixed with the gemeente code elsewhere. */
export function organisatieId(gemeente: string, slug: string): string {
  return gemeente === LEEUWARDEN.code ? slug : `${gemeente.toLowerCase()}-${slug}`;
}

export const VOORNAMEN = [
  'Anna', 'Sjoukje', 'Tjitske', 'Geertje', 'Hiltje', 'Janke', 'Baukje', 'Froukje', 'Marijke', 'Ytje',
  'Sietske', 'Wietske', 'Aaltje', 'Grietje', 'Lieke', 'Emma', 'Sanne', 'Fenna', 'Noor', 'Fatima',
  'Jan', 'Sjoerd', 'Hendrik', 'Pieter', 'Douwe', 'Wiebe', 'Sybren', 'Gerrit', 'Jelle', 'Tjeerd',
  'Klaas', 'Hessel', 'Rinse', 'Oene', 'Bauke', 'Daan', 'Lucas', 'Mohammed', 'Ahmet', 'Tomasz',
];
export const ACHTERNAMEN = [
  'de Vries', 'de Jong', 'van der Meer', 'Hoekstra', 'Visser', 'Bosma', 'Dijkstra', 'Postma', 'Kuipers', 'Wijnsma',
  'Sijtsma', 'Zijlstra', 'Terpstra', 'Jansma', 'Hofstra', 'Veenstra', 'de Boer', 'Bergsma', 'Brouwer', 'Hiemstra',
  'Kingma', 'Tolsma', 'Westra', 'Rienstra', 'Faber', 'Haagsma', 'van der Wal', 'Yildiz', 'Nowak', 'El Amrani',
];
export const STRATEN = [
  'Voorstreek', 'Nieuwestad', 'Tuinen', 'Oostergrachtswal', 'Schrans', 'Harlingerstraatweg', 'Valeriusstraat',
  'Slauerhoffweg', 'Insulindestraat', 'Bilgaardpark', 'Kalverdijkje', 'Mr. P.J. Troelstraweg', 'Pieter Stuyvesantweg',
  'Julianalaan', 'Stationsweg', 'Wielingastrjitte', 'Buorren', 'Haadstrjitte', 'Dorpsstraat', 'Kerkstraat',
];
