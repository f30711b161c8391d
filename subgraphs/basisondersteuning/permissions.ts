import { and, eq } from 'drizzle-orm';
import { inwoner, plan } from '../../db/schema/basisondersteuning';
import type { SubgraphContext } from '../shared/context';
import type { Loaders } from './loaders';
import { feedNiveaus, feedRegels } from '../shared/wijzigingen';
import { aggregateReaders, everyone, monitorReaders, fields, grant, personReaders, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/**
 * Identity and contact details also reach the sociale basis, but only with the
 * resident's consent (vol-coordinator) and, for a volunteer, only while matched to the
 * resident's hulpvraag (relations.ts). Birth date, BSN and support stay out of reach.
 */
const contactReaders: FieldAccess = { ...personReaders, 'vol-coordinator': 'relation', vrijwilliger: 'relation' };

/** Who may read what in basisondersteuning. Not listed = denied. Row filters: shared/relations.ts. */
/** The household plan: the consulent, the basisondersteuning (regievoerder) and the resident. */
const planReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation', inwoner: 'relation' };

/** Highly sensitive signals: the gemeente and, through SQL, only the household's regievoerder. */
const signaalReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' };
const basisMedewerker = grant('allow', ['basis-medewerker']);
/** Structural support registrations: the consulent, the basisondersteuning and the resident by relation. */
const ondersteuningReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation', inwoner: 'relation' };

const regels: Policy = {
  Mutation: {
    ondersteuningRegistreren: basisMedewerker,
    ondersteuningBeeindigen: basisMedewerker,
    contactmomentRegistreren: basisMedewerker,
    verwijzen: basisMedewerker,
    beschikkingAanvragen: { 'basis-medewerker': 'relation', inwoner: 'relation' },
    zwaarwegendAdviesGeven: { 'basis-medewerker': 'relation' },
    beschikkingBesluiten: grant('allow', ['gemeente-consulent']),
    bezwaarRegistreren: { 'gemeente-consulent': 'allow', inwoner: 'relation' },
    signaalRegistreren: { 'basis-medewerker': 'relation' },
    planOpstellen: { 'basis-medewerker': 'relation' },
    doelToevoegen: { 'basis-medewerker': 'relation' },
    doelAfsluiten: { 'basis-medewerker': 'relation' },
  },
  Contactmoment: fields(['id', 'soort', 'datum', 'organisatie'], planReaders),
  LopendeBeschikking: fields(['id', 'product', 'einddatum', 'perspectiefgesprekUiterlijk', 'perspectiefgesprekGevoerd'], planReaders),
  TeVoerenPerspectiefgesprek: fields(['inwoner', 'beschikking', 'uiterlijk'], { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' }),
  Verwijzing: fields(['id', 'product', 'criteria', 'toewijzingId', 'op'], planReaders),
  BeschikkingAanvraag: fields(['id', 'status', 'aangevraagdOp', 'advies', 'adviesOp', 'besluit', 'besluitGronden', 'besluitDatum', 'bezwaarOp'], planReaders),
  Signaal: fields(['id', 'soort', 'stap', 'datum'], signaalReaders),
  Huishouden: fields(['id', 'leden', 'plan'], planReaders),
  Plan: fields(['id', 'regievoerder', 'opgesteldOp', 'doelen', 'afgesprokenOndersteuning'], planReaders),
  Regievoerder: fields(['id', 'naam', 'organisatie'], planReaders),
  Doel: fields(['id', 'omschrijving', 'status', 'streefdatum'], planReaders),
  Query: {
    wijken: everyone,
    wijk: everyone,
    gebieden: everyone,
    gemeente: everyone,
    inwoner: contactReaders,
    mij: grant('relation', ['inwoner']),
    perspectiefgesprekkenTeVoeren: { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' },
    // The change feed: whoever reads registrations, of the registrations it may read (in SQL).
    ondersteuningWijzigingen: ondersteuningReaders,
  },
  ...feedRegels('Ondersteuning', 'ondersteuning', ondersteuningReaders),
  Wijk: {
    ...fields(['code', 'naam', 'gebied'], everyone),
    clientenBasisondersteuning: aggregateReaders,
    basisondersteuningCijfers: monitorReaders,
  },
  Gebied: { ...fields(['naam', 'wijken'], everyone), basisondersteuningCijfers: monitorReaders },
  Gemeente: { ...fields(['code', 'gebieden', 'wijken'], everyone), basisondersteuningCijfers: monitorReaders },
  BasisondersteuningCijfers: fields(['periode', 'van', 'tot', 'clienten', 'perSoort'], monitorReaders),
  ClientenPerSoort: fields(['soort', 'clienten'], monitorReaders),
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Organisatie: { id: everyone },
  Inwoner: {
    ...fields(['id', 'voornaam', 'adres'], contactReaders),
    achternaam: { ...contactReaders, vrijwilliger: 'mask' },
    ...fields(['geboortedatum', 'wijk', 'huishoudenId'], personReaders),
    huishouden: planReaders,
    ...fields(['contactmomenten', 'lopendeBeschikkingen', 'verwijzingen', 'beschikkingAanvragen'], planReaders),
    signalen: signaalReaders,
    bsn: grant('allow', ['gemeente-consulent']),
    ondersteuningen: ondersteuningReaders,
  },
  Adres: fields(['straat', 'huisnummer', 'postcode', 'woonplaats'], contactReaders),
  Ondersteuning: fields(['id', 'soort', 'organisatie', 'startdatum', 'einddatum'], ondersteuningReaders),
};

/**
 * Data minimisation for volunteers: a matched volunteer needs the first name and the
 * address to help, and gets only the initial of the surname ("de Vries" -> "V.").
 */
export function achternaamInitiaal(value: unknown): string {
  const laatste = String(value).trim().split(/\s+/).at(-1) ?? '';
  return laatste ? `${laatste[0]!.toLocaleUpperCase('nl')}.` : '';
}

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: { '*': 'openbaar', inwoner: 'zaakvertrouwelijk', mij: 'zaakvertrouwelijk', perspectiefgesprekkenTeVoeren: 'zaakvertrouwelijk', ondersteuningWijzigingen: 'zaakvertrouwelijk' },
    Mutation: { '*': 'zaakvertrouwelijk', signaalRegistreren: 'geheim', planOpstellen: 'confidentieel', doelToevoegen: 'confidentieel', doelAfsluiten: 'confidentieel' },
    Wijk: { '*': 'openbaar', clientenBasisondersteuning: 'beperkt_openbaar', basisondersteuningCijfers: 'beperkt_openbaar' },
    Gebied: { '*': 'openbaar', basisondersteuningCijfers: 'beperkt_openbaar' },
    Gemeente: { '*': 'openbaar', basisondersteuningCijfers: 'beperkt_openbaar' },
    BasisondersteuningCijfers: 'beperkt_openbaar',
    ClientenPerSoort: 'beperkt_openbaar',
    Telling: 'beperkt_openbaar',
    Organisatie: 'openbaar',
    Inwoner: {
      '*': 'vertrouwelijk',
      id: 'zaakvertrouwelijk',
      bsn: 'geheim',
      signalen: 'geheim',
      huishouden: 'confidentieel',
      ...Object.fromEntries(['ondersteuningen', 'contactmomenten', 'lopendeBeschikkingen', 'verwijzingen', 'beschikkingAanvragen'].map((f) => [f, 'zaakvertrouwelijk' as const])),
    },
    Adres: 'vertrouwelijk',
    Ondersteuning: 'zaakvertrouwelijk',
    Contactmoment: 'zaakvertrouwelijk',
    LopendeBeschikking: 'zaakvertrouwelijk',
    TeVoerenPerspectiefgesprek: 'zaakvertrouwelijk',
    Verwijzing: 'zaakvertrouwelijk',
    BeschikkingAanvraag: 'zaakvertrouwelijk',
    Signaal: 'geheim',
    Huishouden: 'confidentieel',
    Plan: 'confidentieel',
    Doel: 'confidentieel',
    Regievoerder: 'zaakvertrouwelijk',
    ...feedNiveaus('Ondersteuning'),
  },
  betrokkenen: {
    Inwoner: (i) => (i as { id: string }).id,
    Adres: 'ouder',
    Ondersteuning: viaInwonerId,
    Contactmoment: viaInwonerId,
    LopendeBeschikking: viaInwonerId,
    TeVoerenPerspectiefgesprek: (p) => (p as { beschikking: { inwonerId: string } }).beschikking.inwonerId,
    Verwijzing: viaInwonerId,
    BeschikkingAanvraag: viaInwonerId,
    Signaal: viaInwonerId,
    // A household's plan and goals are every member's data.
    Huishouden: (h, ctx) => ledenVanHuishouden(ctx, (h as { id: string }).id),
    Plan: (p, ctx) => ledenVanHuishouden(ctx, (p as { huishoudenId: string }).huishoudenId),
    Doel: 'ouder',
    Regievoerder: 'geen',
  },
  maskers: { 'Inwoner.achternaam': achternaamInitiaal },
  // A household plan is every member's data.
  wijzigingen: {
    planOpstellen: (p, ctx) => ledenVanPlan(ctx, (p as { id: string }).id),
    doelToevoegen: (d, ctx) => ledenVanPlan(ctx, (d as { planId: string }).planId),
    doelAfsluiten: (d, ctx) => ledenVanPlan(ctx, (d as { planId: string }).planId),
  },
};

async function ledenVanHuishouden(ctx: SubgraphContext<Loaders>, huishoudenId: string): Promise<string[]> {
  return (await ctx.loaders.ledenVoorLogboek.load(huishoudenId)).map((l) => l.id);
}

async function ledenVanPlan(ctx: SubgraphContext, planId: string): Promise<string[]> {
  const rows = await ctx.db.select({ id: inwoner.id }).from(inwoner)
    .innerJoin(plan, eq(plan.huishoudenId, inwoner.huishoudenId))
    .where(and(eq(plan.id, planId), eq(inwoner.gemeenteCode, ctx.scope.gemeente)));
  return rows.map((r) => r.id);
}
