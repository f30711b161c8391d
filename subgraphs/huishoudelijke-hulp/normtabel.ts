/** The municipality keeps the normtabel as data: one version per year, edited line by line. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { normjaar, normregel } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { newId } from '../shared/ids';
import { checkJaar, EERSTE_JAAR, intBetween, lijst, requiredText } from '../shared/validate';

export type NormjaarRow = typeof normjaar.$inferSelect;
export type NormregelRow = typeof normregel.$inferSelect;


export interface NormjaarInput {
  standaardLooptijdMaanden: number;
  langeLooptijdMaanden: number;
  leeftijdLangeLooptijd?: number | null;
  vakantieweken: number[];
  vakantieReductieProcent: number;
  kopieerRegelsVan?: number | null;
}

export async function normjaarVastleggen(db: Db, scope: Scope, jaarInput: number, input: NormjaarInput): Promise<NormjaarRow> {
  const jaar = checkJaar(jaarInput);
  const standaard = intBetween('input.standaardLooptijdMaanden', input.standaardLooptijdMaanden, 1, 120);
  const lang = intBetween('input.langeLooptijdMaanden', input.langeLooptijdMaanden, standaard, 120);
  const leeftijd = intBetween('input.leeftijdLangeLooptijd', input.leeftijdLangeLooptijd ?? 80, 18, 120);
  const reductie = intBetween('input.vakantieReductieProcent', input.vakantieReductieProcent, 0, 100);
  lijst('input.vakantieweken', input.vakantieweken, 0, 20).forEach((w, i) => intBetween(`input.vakantieweken.${i}`, w, 1, 53));
  const bron = input.kopieerRegelsVan == null ? null : intBetween('input.kopieerRegelsVan', input.kopieerRegelsVan, EERSTE_JAAR, jaar - 1);
  const values = {
    standaardLooptijdMaanden: standaard, langeLooptijdMaanden: lang, leeftijdLangeLooptijd: leeftijd,
    vakantieweken: [...new Set(input.vakantieweken)].sort((a, b) => a - b), vakantieReductieProcent: reductie,
    gewijzigdDoor: scope.sub, gewijzigdOp: new Date().toISOString(),
  };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(normjaar).values({ gemeenteCode: scope.gemeente, jaar, ...values })
      .onConflictDoUpdate({ target: [normjaar.gemeenteCode, normjaar.jaar], set: values }).returning();
    if (bron !== null) {
      const [existing] = await tx.select({ id: normregel.id }).from(normregel).where(and(eq(normregel.gemeenteCode, scope.gemeente), eq(normregel.jaar, jaar))).limit(1);
      if (existing) throw badUserInput('input.kopieerRegelsVan', `input.kopieerRegelsVan: ${jaar} already has norm lines`);
      const regels = await tx.select().from(normregel).where(and(eq(normregel.gemeenteCode, scope.gemeente), eq(normregel.jaar, bron)));
      if (regels.length === 0) throw badUserInput('input.kopieerRegelsVan', `input.kopieerRegelsVan: ${bron} has no norm lines`);
      const copied = await tx.insert(normregel).values(regels.map((r) => ({ ...r, id: newId('hhn'), jaar, gewijzigdDoor: scope.sub, gewijzigdOp: values.gewijzigdOp })))
        .onConflictDoNothing().returning({ id: normregel.id });
      // A concurrent edit of the same year got there first: refuse the copy whole.
      if (copied.length !== regels.length) throw badUserInput('input.kopieerRegelsVan', `input.kopieerRegelsVan: ${jaar} already has norm lines`);
    }
    return row!;
  });
}

export interface NormregelInput {
  activiteit: string;
  omschrijving: string;
  minutenPerWeek: number;
  extraMinutenPerPersoon: number;
  schoonmaak: boolean;
}

export async function normregelVastleggen(db: Db, scope: Scope, jaarInput: number, input: NormregelInput): Promise<NormregelRow> {
  const jaar = checkJaar(jaarInput);
  if (!/^[A-Z][A-Z0-9_]{1,49}$/.test(input.activiteit)) {
    throw badUserInput('input.activiteit', 'input.activiteit must be 2 to 50 capitals, digits or _ (e.g. ZWAAR_POETSEN)');
  }
  const values = {
    omschrijving: requiredText('input.omschrijving', input.omschrijving, 3, 200),
    minutenPerWeek: intBetween('input.minutenPerWeek', input.minutenPerWeek, 0, 1200),
    extraMinutenPerPersoon: intBetween('input.extraMinutenPerPersoon', input.extraMinutenPerPersoon, 0, 600),
    schoonmaak: input.schoonmaak,
    gewijzigdDoor: scope.sub,
    gewijzigdOp: new Date().toISOString(),
  };
  return db.transaction(async (tx) => {
    const [j] = await tx.select({ jaar: normjaar.jaar }).from(normjaar).where(and(eq(normjaar.gemeenteCode, scope.gemeente), eq(normjaar.jaar, jaar)));
    if (!j) throw badUserInput('jaar', `jaar: ${jaar} has no normjaar yet (hhNormjaarVastleggen first)`);
    const [row] = await tx.insert(normregel).values({ id: newId('hhn'), gemeenteCode: scope.gemeente, jaar, activiteit: input.activiteit, ...values })
      .onConflictDoUpdate({ target: [normregel.gemeenteCode, normregel.jaar, normregel.activiteit], set: values }).returning();
    return row!;
  });
}
