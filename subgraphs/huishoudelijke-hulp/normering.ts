/**
 * The HH normering as a pure calculation: from a year's norm lines, the household size
 * and the tasks the resident cannot do (fully or partly), the minutes per week, the
 * holiday-week minutes, the minutes per year and the looptijd. No I/O: the seed and the
 * mutations use the same function, and the result is stored with the indicatie so the
 * resident can see exactly how their hours were reached.
 */
import { badUserInput } from '../shared/errors';
import { plusDagen } from '../shared/scalars';
import { intBetween, lijst } from '../shared/validate';

export interface Normregel {
  activiteit: string;
  omschrijving: string;
  minutenPerWeek: number;
  extraMinutenPerPersoon: number;
  schoonmaak: boolean;
}

export interface Normjaar {
  jaar: number;
  standaardLooptijdMaanden: number;
  langeLooptijdMaanden: number;
  leeftijdLangeLooptijd: number;
  vakantieweken: number[];
  vakantieReductieProcent: number;
}

export type Mate = 'VOLLEDIG' | 'GEDEELTELIJK';
export type LooptijdReden = 'STANDAARD' | 'LEEFTIJD' | 'CHRONISCH';

/** Share of the norm a task gets when the resident can do it partly themself. */
export const MATE_PROCENT: Record<Mate, number> = { VOLLEDIG: 100, GEDEELTELIJK: 50 };

export interface Taak { activiteit: string; mate: Mate }

export interface BerekeningInput {
  huishoudgrootte: number;
  taken: Taak[];
  /** Age in whole years at the startdatum. */
  leeftijd: number;
  chronischZiek: boolean;
}

export interface BerekeningRegel extends Normregel {
  personen: number;
  mate: Mate;
  minuten: number;
}

export interface Berekening {
  normjaar: number;
  huishoudgrootte: number;
  regels: BerekeningRegel[];
  minutenPerWeek: number;
  vakantieweken: number[];
  vakantieMinutenPerWeek: number;
  minutenPerJaar: number;
  looptijdMaanden: number;
  looptijdReden: LooptijdReden;
}

export const MAX_HUISHOUDGROOTTE = 12;
/** Tasks in one calculation: no normtabel has more lines than this (a task is named once). */
export const MAX_TAKEN = 50;

/** ISO 8601 weeks in a year: 53 when the year starts on a Thursday, or a leap year on a Wednesday. */
export function isoWeeksInYear(jaar: number): number {
  const dow = (y: number) => new Date(Date.UTC(y, 0, 1)).getUTCDay();
  const leap = (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
  return dow(jaar) === 4 || (leap && dow(jaar) === 3) ? 53 : 52;
}

/**
 * The checks of a calculation's input that need no normtabel: a mutation runs them before
 * it reads anything. The household size and at least one task, at most one per norm line.
 */
export function checkBerekeningInput(input: Pick<BerekeningInput, 'huishoudgrootte' | 'taken'>, prefix = 'input'): void {
  intBetween(`${prefix}.huishoudgrootte`, input.huishoudgrootte, 1, MAX_HUISHOUDGROOTTE);
  lijst(`${prefix}.taken`, input.taken, 1, MAX_TAKEN);
}

/** Computes an indicatie. Throws BAD_USER_INPUT naming the field for input the norm cannot take. */
export function bereken(jaar: Normjaar, normregels: Normregel[], input: BerekeningInput, prefix = 'input'): Berekening {
  const { huishoudgrootte, taken } = input;
  checkBerekeningInput(input, prefix);
  const byActiviteit = new Map(normregels.map((r) => [r.activiteit, r]));
  const seen = new Set<string>();
  const regels = taken.map((t, i): BerekeningRegel => {
    const norm = byActiviteit.get(t.activiteit);
    if (!norm) {
      throw badUserInput(`${prefix}.taken.${i}.activiteit`, `${prefix}.taken.${i}.activiteit is not in the normtabel ${jaar.jaar}: ${[...byActiviteit.keys()].join(', ')}`);
    }
    if (seen.has(t.activiteit)) throw badUserInput(`${prefix}.taken.${i}.activiteit`, `${prefix}.taken.${i}.activiteit is named twice`);
    seen.add(t.activiteit);
    const full = norm.minutenPerWeek + norm.extraMinutenPerPersoon * (huishoudgrootte - 1);
    // Whole minutes, rounded up: a partial task never rounds the resident's time away.
    const minuten = Math.ceil((full * MATE_PROCENT[t.mate]) / 100);
    return { ...norm, personen: huishoudgrootte, mate: t.mate, minuten };
  });
  const minutenPerWeek = regels.reduce((sum, r) => sum + r.minuten, 0);
  const reductie = regels
    .filter((r) => r.schoonmaak)
    .reduce((sum, r) => sum + Math.floor((r.minuten * jaar.vakantieReductieProcent) / 100), 0);
  const vakantieMinutenPerWeek = minutenPerWeek - reductie;
  const weken = isoWeeksInYear(jaar.jaar);
  const vakantieweken = [...new Set(jaar.vakantieweken)].filter((w) => w >= 1 && w <= weken).sort((a, b) => a - b);
  const looptijdReden: LooptijdReden = input.leeftijd >= jaar.leeftijdLangeLooptijd ? 'LEEFTIJD' : input.chronischZiek ? 'CHRONISCH' : 'STANDAARD';
  return {
    normjaar: jaar.jaar,
    huishoudgrootte,
    regels,
    minutenPerWeek,
    vakantieweken,
    vakantieMinutenPerWeek,
    minutenPerJaar: (weken - vakantieweken.length) * minutenPerWeek + vakantieweken.length * vakantieMinutenPerWeek,
    looptijdMaanden: looptijdReden === 'STANDAARD' ? jaar.standaardLooptijdMaanden : jaar.langeLooptijdMaanden,
    looptijdReden,
  };
}

/**
 * The last day of a looptijd of `maanden` months from `startdatum` (YYYY-MM-DD): the day
 * before the start, `maanden` months on, clamped to the end of a shorter month
 * (2026-11-01 + 60 -> 2031-10-31; 2024-02-29 + 12 -> 2025-02-28).
 */
export function einddatumNa(startdatum: string, maanden: number): string {
  const dayBefore = new Date(`${plusDagen(startdatum, -1)}T00:00:00Z`);
  const y = dayBefore.getUTCFullYear();
  const m = dayBefore.getUTCMonth() + maanden;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(dayBefore.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Age in whole years on a date, both YYYY-MM-DD. */
export function leeftijdOp(geboortedatum: string, datum: string): number {
  const [by, bm, bd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Illustrative norm lines for the seed and for a new gemeente. These are NOT the HHM or
 * KPMG normenkader (not in the verified facts): the municipality sets its own values
 * through the hhNormregelVastleggen mutation.
 */
export const VOORBEELD_NORMREGELS: Normregel[] = [
  { activiteit: 'LICHT_POETSEN', omschrijving: 'Licht huishoudelijk werk: opruimen, stof afnemen', minutenPerWeek: 45, extraMinutenPerPersoon: 10, schoonmaak: true },
  { activiteit: 'ZWAAR_POETSEN', omschrijving: 'Zwaar huishoudelijk werk: stofzuigen, dweilen, sanitair, keuken', minutenPerWeek: 90, extraMinutenPerPersoon: 15, schoonmaak: true },
  { activiteit: 'BEDDEN_VERSCHONEN', omschrijving: 'Bedden verschonen', minutenPerWeek: 15, extraMinutenPerPersoon: 5, schoonmaak: false },
  { activiteit: 'WASVERZORGING', omschrijving: 'Wasverzorging: wassen, drogen, strijken, opbergen', minutenPerWeek: 60, extraMinutenPerPersoon: 20, schoonmaak: false },
  { activiteit: 'BOODSCHAPPEN', omschrijving: 'Boodschappen doen', minutenPerWeek: 30, extraMinutenPerPersoon: 5, schoonmaak: false },
  { activiteit: 'MAALTIJD_BEREIDEN', omschrijving: 'Broodmaaltijd bereiden', minutenPerWeek: 30, extraMinutenPerPersoon: 10, schoonmaak: false },
];

/** Illustrative rules of a normjaar (looptijd, holiday weeks), configurable per year. */
export const voorbeeldNormjaar = (jaar: number): Normjaar => ({
  jaar,
  standaardLooptijdMaanden: 36,
  langeLooptijdMaanden: 60,
  leeftijdLangeLooptijd: 80,
  vakantieweken: [29, 30, 31, 32, 52],
  vakantieReductieProcent: 50,
});
