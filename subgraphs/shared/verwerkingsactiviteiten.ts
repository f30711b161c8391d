import { DOELEN_PER_ROL } from './roles';

/**
 * Register van verwerkingsactiviteiten (AVG art. 30), one activity per purpose
 * (doelbinding) a role may state. Every processing log record points to one of these
 * by URI. The Logboek standard asks for a new identifier on every relevant change of
 * an activity: change the text of one here and raise its `versie`.
 */
export interface Verwerkingsactiviteit {
  doel: string;
  versie: number;
  naam: string;
  grondslag: string;
  omschrijving: string;
}

const WMO = 'AVG art. 6 lid 1 sub c, met Wmo 2015 art. 2.1.1 en 2.6.4';

export const VERWERKINGSACTIVITEITEN: readonly Verwerkingsactiviteit[] = [
  { doel: 'toegang-en-beschikking', versie: 1, naam: 'Toegang en beschikkingen Wmo', grondslag: WMO,
    omschrijving: 'Onderzoek, toewijzing, beschikking en bezwaar door de gemeente.' },
  { doel: 'verantwoording', versie: 1, naam: 'Verantwoording en controle', grondslag: WMO,
    omschrijving: 'Controle van levering en bekostiging, inning van de eigen bijdrage via het CAK.' },
  { doel: 'toegang-en-regie', versie: 1, naam: 'Toegang en regie in de basisondersteuning', grondslag: WMO,
    omschrijving: 'Intake, ondersteuningsplan, regie op het huishouden en verwijzing door de basisondersteuning.' },
  { doel: 'uitvoering-ondersteuning', versie: 1, naam: 'Uitvoering van toegewezen ondersteuning', grondslag: WMO,
    omschrijving: 'Levering van toegewezen ondersteuning en huishoudelijke hulp door de aanbieder.' },
  { doel: 'sociale-basis', versie: 1, naam: 'Sociale basis', grondslag: 'AVG art. 6 lid 1 sub a (toestemming van de inwoner)',
    omschrijving: 'Hulpvragen en vrijwillige inzet; alleen met toestemming van de inwoner.' },
  { doel: 'eigen-dossier', versie: 1, naam: 'Inzage in het eigen dossier', grondslag: 'AVG art. 15 (recht van inzage)',
    omschrijving: 'De inwoner bekijkt zijn eigen gegevens en wie ze verwerkte.' },
  { doel: 'beleid-en-sturing', versie: 1, naam: 'Beleid en sturing', grondslag: 'AVG art. 6 lid 1 sub e; alleen onderdrukte aggregaten',
    omschrijving: 'Sturing per wijk op basis van geaggregeerde cijfers.' },
  { doel: 'contractbeheer', versie: 1, naam: 'Contractbeheer', grondslag: 'AVG art. 6 lid 1 sub e; geen gegevens per inwoner',
    omschrijving: 'Contracten, lumpsums, capaciteit en overdrachten tussen aanbieders.' },
  { doel: 'advisering', versie: 1, naam: 'Advisering door de adviesraad', grondslag: 'AVG art. 6 lid 1 sub e; alleen onderdrukte aggregaten',
    omschrijving: 'De adviesraad volgt de uitvoering op geaggregeerde cijfers.' },
  { doel: 'gegevensuitwisseling', versie: 1, naam: 'Gegevensuitwisseling met ketenpartners', grondslag: WMO,
    omschrijving: 'Berichtenverkeer en bestanden voor systemen van partners.' },
  { doel: 'toezicht-privacy', versie: 1, naam: 'Toezicht op de verwerking van persoonsgegevens', grondslag: 'AVG art. 38 en 39 (functionaris gegevensbescherming)',
    omschrijving: 'Onderzoek door de functionaris gegevensbescherming naar verwerkingen.' },
];

const BY_DOEL = new Map(VERWERKINGSACTIVITEITEN.map((a) => [a.doel, a]));

/** Every purpose a role may state has an activity: checked when this module loads. */
for (const doelen of Object.values(DOELEN_PER_ROL)) {
  for (const d of doelen) if (!BY_DOEL.has(d)) throw new Error(`Purpose ${d} has no processing activity in the register`);
}

/** The URI a log record carries (dpl.core.processing_activity_id): per gemeente, purpose and version. */
export function activiteitUri(gemeente: string, doel: string): string {
  const a = BY_DOEL.get(doel);
  return `urn:wmo:${gemeente.toLowerCase()}:verwerkingsactiviteit:${doel}:${a?.versie ?? 0}`;
}

/** The activity a record's URI points to (the same version), or null for an unknown or outdated URI. */
export function activiteitVanUri(uri: string): (Verwerkingsactiviteit & { uri: string }) | null {
  // urn:wmo:<gemeente>:verwerkingsactiviteit:<doel>:<versie>, as activiteitUri writes it
  const [, , , , doel, versie] = uri.split(':');
  const a = doel ? BY_DOEL.get(doel) : undefined;
  return a && String(a.versie) === versie ? { ...a, uri } : null;
}
