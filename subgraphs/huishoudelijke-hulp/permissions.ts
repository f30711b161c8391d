import { and, eq } from 'drizzle-orm';
import { overdrachtRegel } from '../../db/schema/huishoudelijke-hulp';
import type { SubgraphContext } from '../shared/context';
import { feedNiveaus, feedRegels } from '../shared/wijzigingen';
import { aggregateReaders, everyone, fields, grant, monitorReaders, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/** Who may read what in huishoudelijke hulp. Not listed = denied. */
const indicatieReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'hh-medewerker': 'relation',
  inwoner: 'relation',
};
/** Aanvragen in the joint intake: the consulent all, a provider those assigned to it, the resident its own, a basis worker its residents'. */
const aanvraagReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation', 'hh-medewerker': 'relation', inwoner: 'relation' };
/** Transfer reports: the municipality; a provider those it took part in. Lines per client: not contract management. */
const overdrachtReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'gemeente-contractmanager': 'allow', 'hh-medewerker': 'relation' };
const regelReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'hh-medewerker': 'relation' };

const consulent = grant('allow', ['gemeente-consulent']);
const beleid = grant('allow', ['gemeente-beleid']);
const contractbeheer = grant('allow', ['gemeente-contractmanager']);

const regels: Policy = {
  Query: {
    hhNormtabel: everyone,
    hhUrenBerekenen: everyone,
    hhAanvragen: aanvraagReaders,
    hhWachtrij: aggregateReaders,
    hhOverdracht: overdrachtReaders,
    // The change feeds: whoever reads indicaties or aanvragen, of those it may read (in SQL).
    hhIndicatieWijzigingen: indicatieReaders,
    hhAanvraagWijzigingen: aanvraagReaders,
  },
  ...feedRegels('HhIndicatie', 'indicatie', indicatieReaders),
  ...feedRegels('HhAanvraag', 'aanvraag', aanvraagReaders),
  Mutation: {
    hhNormjaarVastleggen: beleid,
    hhNormregelVastleggen: beleid,
    hhAanvraagIndienen: { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation', inwoner: 'relation' },
    hhWachtrijVerdelen: consulent,
    hhAanvraagIntrekken: { 'gemeente-consulent': 'allow', inwoner: 'relation' },
    hhIndicatieVaststellen: { 'gemeente-consulent': 'allow', 'hh-medewerker': 'relation' },
    hhKoppelen: { 'hh-medewerker': 'relation' },
    hhCapaciteitVastleggen: contractbeheer,
    hhPersoneelOverdragen: contractbeheer,
    hhClientenPlaatsen: consulent,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: { code: everyone, clientenHuishoudelijkeHulp: aggregateReaders, huishoudelijkeHulpCijfers: monitorReaders },
  // Steering figures (issue 8): suppressed counts and hours only, never a resident; a
  // provider's own organisation exact.
  Gebied: { naam: everyone, huishoudelijkeHulpCijfers: monitorReaders },
  Gemeente: { code: everyone, huishoudelijkeHulpCijfers: monitorReaders },
  HuishoudelijkeHulpCijfers: fields(['periode', 'van', 'tot', 'clienten', 'urenPerWeek', 'perAanbieder'], monitorReaders),
  HhCijfersPerAanbieder: fields(['aanbieder', 'eigenOrganisatie', 'clienten', 'urenPerWeek'], monitorReaders),
  Organisatie: { id: everyone, hhClienten: aggregateReaders, hhCapaciteit: aggregateReaders },
  HhCapaciteit: fields(['maxClienten', 'bezet'], aggregateReaders),
  Inwoner: { id: indicatieReaders, huishoudelijkeHulp: indicatieReaders },
  HhIndicatie: fields(['id', 'minutenPerWeek', 'aanbieder', 'startdatum', 'einddatum', 'berekening', 'vasteHulp'], indicatieReaders),
  HhHulp: fields(['id', 'aanbieder'], indicatieReaders),
  // The normtabel is published policy, and a calculation holds no personal data; on an
  // indicatie it is reached only through HhIndicatie.berekening, which is guarded above.
  HhNormjaar: fields(['jaar', 'standaardLooptijdMaanden', 'langeLooptijdMaanden', 'leeftijdLangeLooptijd', 'vakantieweken', 'vakantieReductieProcent', 'regels'], everyone),
  HhNormregel: fields(['activiteit', 'omschrijving', 'minutenPerWeek', 'extraMinutenPerPersoon', 'schoonmaak'], everyone),
  HhBerekening: fields(['normjaar', 'huishoudgrootte', 'regels', 'minutenPerWeek', 'vakantieweken', 'vakantieMinutenPerWeek', 'minutenPerJaar', 'looptijdMaanden', 'looptijdReden'], everyone),
  HhBerekeningRegel: fields(['activiteit', 'omschrijving', 'normMinutenPerWeek', 'extraMinutenPerPersoon', 'personen', 'mate', 'schoonmaak', 'minuten'], everyone),
  HhAanvraag: fields(['id', 'inwoner', 'status', 'ingediendOp', 'voorkeurAanbieder', 'aanbieder', 'toewijzingsreden', 'indicatie'], aanvraagReaders),
  HhOverdracht: {
    ...fields(['id', 'soort', 'van', 'naar', 'per', 'overgezet', 'paarNietBehouden'], overdrachtReaders),
    regels: regelReaders,
  },
  HhOverdrachtRegel: fields(['inwoner', 'hulp', 'naar', 'nieuweIndicatie', 'koppelingBehouden', 'reden'], regelReaders),
};

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: { '*': 'zaakvertrouwelijk', hhNormtabel: 'openbaar', hhUrenBerekenen: 'openbaar', hhWachtrij: 'beperkt_openbaar', hhOverdracht: 'intern' },
    Mutation: {
      '*': 'zaakvertrouwelijk',
      hhNormjaarVastleggen: 'openbaar', hhNormregelVastleggen: 'openbaar',
      hhCapaciteitVastleggen: 'intern', hhPersoneelOverdragen: 'intern',
    },
    Telling: 'beperkt_openbaar',
    Wijk: { code: 'openbaar', clientenHuishoudelijkeHulp: 'beperkt_openbaar', huishoudelijkeHulpCijfers: 'beperkt_openbaar' },
    Gebied: { '*': 'openbaar', huishoudelijkeHulpCijfers: 'beperkt_openbaar' },
    Gemeente: { '*': 'openbaar', huishoudelijkeHulpCijfers: 'beperkt_openbaar' },
    HuishoudelijkeHulpCijfers: 'beperkt_openbaar',
    HhCijfersPerAanbieder: 'beperkt_openbaar',
    Organisatie: { id: 'openbaar', hhClienten: 'beperkt_openbaar', hhCapaciteit: 'beperkt_openbaar' },
    HhCapaciteit: 'beperkt_openbaar',
    Inwoner: 'zaakvertrouwelijk',
    HhIndicatie: 'zaakvertrouwelijk',
    // A helper is staff, not a resident; who helps whom is logged on HhIndicatie.vasteHulp.
    HhHulp: 'zaakvertrouwelijk',
    HhNormjaar: 'openbaar',
    HhNormregel: 'openbaar',
    HhBerekening: 'openbaar',
    HhBerekeningRegel: 'openbaar',
    HhAanvraag: 'zaakvertrouwelijk',
    HhOverdracht: { '*': 'intern', regels: 'zaakvertrouwelijk' },
    HhOverdrachtRegel: 'zaakvertrouwelijk',
    ...feedNiveaus('HhIndicatie'),
    ...feedNiveaus('HhAanvraag'),
  },
  betrokkenen: {
    Inwoner: (i) => (i as { id: string }).id,
    HhIndicatie: viaInwonerId,
    HhHulp: 'geen',
    HhAanvraag: viaInwonerId,
    // A transfer report; each of its lines names its own client.
    HhOverdracht: 'geen',
    HhOverdrachtRegel: viaInwonerId,
  },
  // A transfer or placement moves clients: each line of its report is a changed resident.
  wijzigingen: {
    hhPersoneelOverdragen: (o, ctx) => clientenVanOverdracht(ctx, (o as { id: string }).id),
    hhClientenPlaatsen: (o, ctx) => clientenVanOverdracht(ctx, (o as { id: string }).id),
  },
};

async function clientenVanOverdracht(ctx: SubgraphContext, overdrachtId: string): Promise<string[]> {
  const rows = await ctx.db.select({ id: overdrachtRegel.inwonerId }).from(overdrachtRegel)
    .where(and(eq(overdrachtRegel.overdrachtId, overdrachtId), eq(overdrachtRegel.gemeenteCode, ctx.scope.gemeente)));
  return rows.map((r) => r.id);
}
