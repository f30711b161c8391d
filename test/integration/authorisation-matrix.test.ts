/**
 * The authorisation matrix: every field of the supergraph, every role, through the
 * gateway. The expected table below is written by hand, independent of the policies
 * in subgraphs/*\/permissions.ts; a new field fails the coverage test until it has a row.
 * "Allowed" means the role gets the field without error for a resident it has a
 * relation with; "denied" means no value: a FORBIDDEN error, or (for rows behind a
 * relation rule) nothing returned at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { buildGuardedSchema } from '../../subgraphs/shared/subgraph';
import { policyTargets } from '../../subgraphs/shared/policy';
import { DEV_ORGANISATIE, ROLES, type Rol } from '../../subgraphs/shared/roles';
import * as s from '../../db/schema';
import { bootStack, sql, type Stack } from '../support/stack';
import { gatewayOptions } from '../../gateway/src/platform';
import { createGateway } from '../../gateway/src/server';
import { documentHash } from '../../gateway/src/trusted-documents';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { createLogger } from '../../subgraphs/shared/logger';
import { decide } from '../../subgraphs/shared/policy';
import { loadPseudonymKey } from '../../subgraphs/shared/keys';
import { BETROKKENE_TYPE, onbekendeVelden, pseudoniem } from '../../subgraphs/shared/verwerkingen';
import { activiteitUri } from '../../subgraphs/shared/verwerkingsactiviteiten';
import { registreerWijzigingen } from '../../subgraphs/shared/wijzigingen';
import { feedBijgewerkt } from '../support/wijzigingen';

const ALL = ROLES;
const AGG = ROLES.filter((r) => r !== 'inwoner' && r !== 'vrijwilliger');
const PERSON: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker', 'inwoner'];
const BASIS: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'inwoner'];
const TOEWIJZING: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'aanbieder-medewerker', 'inwoner'];
/** A verzoek not granted: not (yet) the provider's toewijzing, so not in its inbox. */
const TOEWIJZING_NIET_LOPEND: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'inwoner'];
const IWMO_AFZENDER: Rol[] = ['gemeente-consulent', 'aanbieder-medewerker'];
const HH: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'hh-medewerker', 'inwoner'];
const SUBSIDIE: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad'];
const CONTACT: Rol[] = [...PERSON, 'vol-coordinator', 'vrijwilliger'];
const VOL: Rol[] = ['vol-coordinator', 'vrijwilliger'];
const COORD: Rol[] = ['vol-coordinator'];
const TOESTEMMING: Rol[] = ['vol-coordinator', 'inwoner'];
const PLAN: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'inwoner'];
const BASISMW: Rol[] = ['basis-medewerker'];
const SIGNAAL: Rol[] = ['gemeente-consulent', 'basis-medewerker'];
const CONSULENT: Rol[] = ['gemeente-consulent'];
const BEZWAAR: Rol[] = ['gemeente-consulent', 'inwoner'];
const AANVRAGEN: Rol[] = ['basis-medewerker', 'inwoner'];
const AANBIEDER: Rol[] = ['aanbieder-medewerker'];
const HHAANVRAAG: Rol[] = ['gemeente-consulent', 'basis-medewerker', 'hh-medewerker', 'inwoner'];
const OVERDRACHT: Rol[] = ['gemeente-consulent', 'gemeente-contractmanager', 'hh-medewerker'];
const REGEL: Rol[] = ['gemeente-consulent', 'hh-medewerker'];
const BELEID: Rol[] = ['gemeente-beleid'];
const CONTRACTBEHEER: Rol[] = ['gemeente-contractmanager'];
const PARTIJ: Rol[] = ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'];
/** Money: contract management and policy; a provider its own lumpsum and herverdelingen (fixture: each has one). */
const GELD: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', ...PARTIJ];
const BUDGET: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad'];
const WIJKBUDGET: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'gemeente-consulent', 'adviesraad', 'vol-coordinator'];
const FG: Rol[] = ['fg'];
/** Steering figures of the aanvullende ondersteuning (suppressed; a provider its own cells exactly). */
const STUUR: Rol[] = ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'aanbieder-medewerker'];
/** Steering figures per wijk, gebied and gemeente (policy.ts monitorReaders). */
const MONITOR: Rol[] = ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'vol-coordinator', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'];
/** Figures that mix a provider's own clients with others' (policy.ts gemeenteMonitorReaders). */
const GEMEENTE_MONITOR: Rol[] = ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'vol-coordinator'];
const WACHTTIJD: Rol[] = ['gemeente-consulent', 'gemeente-beleid', 'gemeente-contractmanager', 'adviesraad'];
const AGG_ZONDER_LEVERANCIERS = AGG.filter((r) => !['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'].includes(r));
const INWONER: Rol[] = ['inwoner'];
/** Organisations with a processing agreement (fixture: each of these roles' organisations has one). */
const OVEREENKOMST: Rol[] = ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker', 'partner-systeem'];
const OVEREENKOMST_LEZERS: Rol[] = ['gemeente-contractmanager', 'fg', ...OVEREENKOMST];
/** The afhaalregister (who fetched which file): contract management and the fg; who the worker was, the fg only. */
const AFHAAL: Rol[] = ['gemeente-contractmanager', 'fg'];

const X = '$X'; // replaced by the fixture resident's id
const inwoner = (sel: string) => `{ inwoner(id: "${X}") { ${sel} } }`;
const wijk = (sel: string) => `{ wijk(code: "WK008050") { ${sel} } }`;
const org = (id: string, sel: string) => `{ organisatie(id: "${id}") { ${sel} } }`;
const uren = (sel: string) => `{ hhUrenBerekenen(jaar: 2026, input: { huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { ${sel} } }`;
const cak = (sel: string) => `{ cakExport(jaar: 2025, maand: 6) { ${sel} } }`;
const overdracht = (sel: string) => `{ hhOverdracht(id: "fx-ov") { ${sel} } }`;

const gebied = (sel: string) => `{ gebieden { ${sel} } }`;
const gemeente = (sel: string) => `{ gemeente { ${sel} } }`;
/** A figure field with one period on Wijk, Gebied and Gemeente: one row per entity. */
const figuurRijen = (veld: string, sel: string, pad: string[], rollen: readonly Rol[]): Record<string, [readonly Rol[], string, string[]]> => ({
  [`Wijk.${veld}`]: [rollen, wijk(`${veld}(van: "2025-01-01", tot: "2025-03-31") { ${sel} }`), ['wijk', veld, '0', ...pad]],
  [`Gebied.${veld}`]: [rollen, gebied(`${veld}(van: "2025-01-01", tot: "2025-03-31") { ${sel} }`), ['gebieden', '0', veld, '0', ...pad]],
  [`Gemeente.${veld}`]: [rollen, gemeente(`${veld}(van: "2025-01-01", tot: "2025-03-31") { ${sel} }`), ['gemeente', veld, '0', ...pad]],
});
/** The fields of a figure type, reached through Gemeente. */
const figuurVelden = (veld: string, type: string, velden: Array<[string, string, string[]]>, rollen: readonly Rol[]): Record<string, [readonly Rol[], string, string[]]> =>
  Object.fromEntries(velden.map(([f, sel, pad]) => [`${type}.${f}`, [rollen, gemeente(`${veld}(van: "2025-01-01", tot: "2025-03-31") { ${sel} }`), ['gemeente', veld, '0', ...pad]]]));
const logboek = (sel: string) => `{ verwerkingen(inwoner: "${X}") { ${sel} } }`;
const eigenLog = (sel: string) => inwoner(`verwerkingen { ${sel} } `);
const maandbestand = (sel: string) => `{ anoniemeMaandexport(jaar: 2024, maand: 3) { ${sel} } }`;
const afhaal = (sel: string) => `{ afhalingen(van: "2024-01-01", tot: "2024-01-31") { ${sel} } }`;
/** Steering figures: 1999 holds the fixture's stopped toewijzing (reden 19); fx-tw runs in 2025. */
const ks = (sel: string) => `{ klantstromen(van: "1999-01-01", tot: "1999-12-31", per: JAAR) { ${sel} } }`;
const landschap = (sel: string) => `{ aanbiederslandschap(jaar: 2025, kwartaal: 1) { ${sel} } }`;
const omvang = (sel: string) => `{ omvangPerProduct(van: "2025-01-01", tot: "2025-03-31") { ${sel} } }`;
const LOG_VELDEN = ['tijdstip', 'eindtijd', 'naam', 'soort', 'dienst', 'rol', 'doel', 'velden', 'status'];
const FG_VELDEN = ['id', 'traceId', 'spanId', 'parentSpanId', 'gebruiker', 'betrokkene'];

const matched = (sel: string) => `{ hulpvragen(status: GEMATCHT) { ${sel} } }`;
/** A change feed (fixture: one change of each of X's entities) and its page and item types. */
const feedRijen = (veld: string, prefix: string, entiteit: string, rollen: readonly Rol[]): Record<string, [readonly Rol[], string, string[]]> => ({
  [`Query.${veld}`]: [rollen, `{ ${veld} { volgende } }`, [veld, 'volgende']],
  ...Object.fromEntries(['volgende', 'heeftMeer'].map((f) => [`${prefix}WijzigingenPagina.${f}`, [rollen, `{ ${veld} { ${f} } }`, [veld, f]]])),
  [`${prefix}WijzigingenPagina.items`]: [rollen, `{ ${veld} { items { volgnummer } } }`, [veld, 'items', '0', 'volgnummer']],
  ...Object.fromEntries(['volgnummer', 'soort', 'wanneer'].map((f) => [`${prefix}Wijziging.${f}`, [rollen, `{ ${veld} { items { ${f} } } }`, [veld, 'items', '0', f]]])),
  [`${prefix}Wijziging.${entiteit}`]: [rollen, `{ ${veld} { items { ${entiteit} { id } } } }`, [veld, 'items', '0', entiteit, 'id']],
});
const opgeschaald = (sel: string) => `{ hulpvragen(status: OPGESCHAALD) { ${sel} } }`;
const VOL_BASIS: Rol[] = ['vol-coordinator', 'basis-medewerker'];
const kamer0 = (sel: string) => `{ buurtkamers { ${sel} } }`;
/** iWmo inbox for one type and period; the fixture gives X one message of each type on these dates. */
const IWMO_DAG = { WMO315: '1999-01-04', WMO301: '2024-01-01', WMO305: '2024-02-05', WMO307: '1999-06-30' };
const iwmo = (type: keyof typeof IWMO_DAG, sel: string) => `{ iwmoBerichten(berichtType: ${type}, van: "${IWMO_DAG[type]}", tot: "${IWMO_DAG[type]}") { ${sel} } }`;
const iwmoVanX = (sel: string) => inwoner(`toewijzingen { iwmoBerichten { ${sel} } }`);
// WMO315 is not imported: allowed roles get BAD_USER_INPUT, the others FORBIDDEN.
const iwmoVerwerken = (sel: string) => `mutation { iwmoBerichtVerwerken(bericht: { header: { berichtCode: 444, berichtIdentificatie: { identificatie: "m-7", dagtekening: "2026-01-01" }, afzender: "0080", ontvanger: "windkracht058" } }) { ${sel} } }`;

/**
 * `Type.field` (optionally followed by " via …" for a second path) ->
 * [roles that may use it, operation that reaches it, path to the value, mutation?].
 * For mutations the inputs point at nothing or at a state that refuses them, so allowed
 * roles get NOT_FOUND, BAD_USER_INPUT or CONFLICT (the resolver ran, nothing changed)
 * and the others FORBIDDEN.
 */
const MATRIX: Record<string, [readonly Rol[], string, string[], 'mutation'?]> = {
  'Query.wijken': [ALL, '{ wijken { code } }', ['wijken']],
  'Query.wijk': [ALL, wijk('code'), ['wijk']],
  'Query.inwoner': [CONTACT, inwoner('id'), ['inwoner']],
  'Query.hulpvragen': [[...VOL, 'basis-medewerker'], matched('id'), ['hulpvragen']],
  'Query.vrijwilligers': [VOL, '{ vrijwilligers { id } }', ['vrijwilligers']],
  'Mutation.hulpvraagRegistreren': [COORD, 'mutation { hulpvraagRegistreren(input: { wijk: "WK000000", soort: VERVOER }) { id } }', [], 'mutation'],
  'Mutation.hulpvraagMatchen': [COORD, 'mutation { hulpvraagMatchen(id: "nope", vrijwilliger: "nope") { id } }', [], 'mutation'],
  'Mutation.hulpvraagAfronden': [VOL, 'mutation { hulpvraagAfronden(id: "nope") { id } }', [], 'mutation'],
  'Mutation.hulpvraagTerugzetten': [VOL, 'mutation { hulpvraagTerugzetten(id: "nope", reden: "test") { id } }', [], 'mutation'],
  'Mutation.hulpvraagOpschalen': [COORD, 'mutation { hulpvraagOpschalen(id: "nope", reden: "test") { id } }', [], 'mutation'],
  'Mutation.toestemmingVastleggen': [TOESTEMMING, `mutation { toestemmingVastleggen(inwoner: "${X}", organisatie: "nope") { id } }`, [], 'mutation'],
  'Mutation.toestemmingIntrekken': [TOESTEMMING, 'mutation { toestemmingIntrekken(id: "nope") { id } }', [], 'mutation'],
  'Mutation.ondersteuningRegistreren': [BASISMW, 'mutation { ondersteuningRegistreren(input: { inwoner: "nope", soort: TO1, startdatum: "2026-01-01" }) { id } }', [], 'mutation'],
  'Mutation.ondersteuningBeeindigen': [BASISMW, 'mutation { ondersteuningBeeindigen(id: "nope", einddatum: "2026-01-01") { id } }', [], 'mutation'],
  'Query.perspectiefgesprekkenTeVoeren': [SIGNAAL, '{ perspectiefgesprekkenTeVoeren { uiterlijk } }', ['perspectiefgesprekkenTeVoeren', '0', 'uiterlijk']],
  'TeVoerenPerspectiefgesprek.uiterlijk': [SIGNAAL, '{ perspectiefgesprekkenTeVoeren { uiterlijk } }', ['perspectiefgesprekkenTeVoeren', '0', 'uiterlijk']],
  'TeVoerenPerspectiefgesprek.inwoner': [SIGNAAL, '{ perspectiefgesprekkenTeVoeren { inwoner { id } } }', ['perspectiefgesprekkenTeVoeren', '0', 'inwoner', 'id']],
  'TeVoerenPerspectiefgesprek.beschikking': [SIGNAAL, '{ perspectiefgesprekkenTeVoeren { beschikking { id } } }', ['perspectiefgesprekkenTeVoeren', '0', 'beschikking', 'id']],
  'Mutation.contactmomentRegistreren': [BASISMW, 'mutation { contactmomentRegistreren(inwoner: "nope", soort: INTAKE, datum: "2026-01-01") { id } }', [], 'mutation'],
  'Mutation.verwijzen': [BASISMW, 'mutation { verwijzen(input: { inwoner: "nope", product: TO4, criteria: [TO_EXPERTISE], ingangsdatum: "2026-01-01", volume: 2, eenheid: "04", frequentie: "2" }) { id } }', [], 'mutation'],
  'Mutation.beschikkingAanvragen': [AANVRAGEN, `mutation { beschikkingAanvragen(inwoner: "${X}") { id } }`, [], 'mutation'],
  'Mutation.zwaarwegendAdviesGeven': [BASISMW, 'mutation { zwaarwegendAdviesGeven(id: "nope", advies: TOEKENNEN) { id } }', [], 'mutation'],
  'Mutation.beschikkingBesluiten': [CONSULENT, 'mutation { beschikkingBesluiten(id: "nope", besluit: TOEGEKEND, gronden: "Getoetst aan de verordening", datum: "2026-01-01") { id } }', [], 'mutation'],
  'Mutation.bezwaarRegistreren': [BEZWAAR, 'mutation { bezwaarRegistreren(id: "nope", datum: "2026-01-01") { id } }', [], 'mutation'],
  'Mutation.signaalRegistreren': [BASISMW, `mutation { signaalRegistreren(inwoner: "${X}", soort: VERWIJSINDEX, stap: 3, datum: "2026-01-01") { id } }`, [], 'mutation'],
  'Mutation.toewijzingToekennen': [CONSULENT, 'mutation { toewijzingToekennen(berichtId: "m-1", toewijzing: "nope", input: { ingangsdatum: "2026-01-01", volume: 1, eenheid: "04", frequentie: "2" }) { id } }', [], 'mutation'],
  'Mutation.verzoekAfwijzen': [CONSULENT, 'mutation { verzoekAfwijzen(berichtId: "m-2", toewijzing: "nope", reden: "Past in de basis") { id } }', [], 'mutation'],
  'Mutation.toewijzingWijzigen': [CONSULENT, 'mutation { toewijzingWijzigen(berichtId: "m-3", toewijzing: "nope", input: { redenWijziging: "04", volume: 2 }) { id } }', [], 'mutation'],
  'Mutation.toewijzingLatenVervallen': [CONSULENT, 'mutation { toewijzingLatenVervallen(berichtId: "m-4", toewijzing: "nope", reden: "Nooit gestart") { id } }', [], 'mutation'],
  'Mutation.startbericht': [AANBIEDER, 'mutation { startbericht(berichtId: "m-5", toewijzing: "nope", begindatum: "2026-01-01") { id } }', [], 'mutation'],
  'Mutation.stopbericht': [AANBIEDER, 'mutation { stopbericht(berichtId: "m-6", toewijzing: "nope", stopdatum: "2026-01-01", redenBeeindiging: "19") { id } }', [], 'mutation'],
  'Query.contracten': [ALL, '{ contracten { id } }', ['contracten', '0', 'id']],
  'Mutation.contractRegistreren': [['gemeente-contractmanager'], 'mutation { contractRegistreren(input: { organisatie: "nope", perceel: BASISONDERSTEUNING, rol: HOOFDAANBIEDER, ingangsdatum: "2026-01-01" }) { id } }', [], 'mutation'],
  'Organisatie.contracten': [ALL, org('amaryllis', 'contracten { perceel }'), ['organisatie', 'contracten', '0', 'perceel']],
  ...Object.fromEntries(['id', 'perceel', 'rol', 'ingangsdatum', 'einddatum'].map((f) => [`Contract.${f}`, [ALL, `{ contracten { ${f} } }`, ['contracten', '0', f]]])),
  'Contract.organisatie': [ALL, '{ contracten { organisatie { naam } } }', ['contracten', '0', 'organisatie', 'naam']],
  'Contract.hoofdaanbieder': [ALL, '{ contracten { hoofdaanbieder { naam } } }', ['contracten', '0', 'hoofdaanbieder']],
  'Query.wachttijden': [WACHTTIJD, '{ wachttijden(van: "2021-01-01", tot: "2025-12-31", per: PRODUCT) { groep } }', ['wachttijden', '0', 'groep']],
  ...Object.fromEntries(['groep', 'mediaanDagen', 'p90Dagen'].map((f) => [`Wachttijd.${f}`, [WACHTTIJD, `{ wachttijden(van: "2021-01-01", tot: "2025-12-31", per: PRODUCT) { ${f} } }`, ['wachttijden', '0', f]]])),
  ...Object.fromEntries(['gestart', 'bovenNorm', 'openBovenNorm'].map((f) => [`Wachttijd.${f}`, [WACHTTIJD, `{ wachttijden(van: "2021-01-01", tot: "2025-12-31", per: PRODUCT) { ${f} { onderdrukt } } }`, ['wachttijden', '0', f, 'onderdrukt']]])),
  // Change feeds: whoever reads the entity, of the entities it may read.
  ...feedRijen('toewijzingWijzigingen', 'Toewijzing', 'toewijzing', TOEWIJZING),
  ...feedRijen('hhIndicatieWijzigingen', 'HhIndicatie', 'indicatie', HH),
  ...feedRijen('hhAanvraagWijzigingen', 'HhAanvraag', 'aanvraag', HHAANVRAAG),
  ...feedRijen('ondersteuningWijzigingen', 'Ondersteuning', 'ondersteuning', BASIS),
  ...feedRijen('hulpvraagWijzigingen', 'Hulpvraag', 'hulpvraag', COORD),
  'Mutation.toewijzingDoorgeven': [AANBIEDER, 'mutation { toewijzingDoorgeven(toewijzing: "nope", onderaannemer: "oa-dementie") { id } }', [], 'mutation'],
  // Steering figures (klantstromen.ts): policy, contract management, the adviesraad and providers.
  'Query.klantstromen': [STUUR, ks('periode'), ['klantstromen', '0', 'periode']],
  ...Object.fromEntries(['periode', 'van', 'tot'].map((f) => [`Klantstroom.${f}`, [STUUR, ks(f), ['klantstromen', '0', f]]])),
  ...Object.fromEntries(['instroom', 'uitstroom', 'doorstroomNaarAanvullend', 'doorstroomNaarBasis'].map((f) => [`Klantstroom.${f}`, [STUUR, ks(`${f} { onderdrukt }`), ['klantstromen', '0', f, 'onderdrukt']]])),
  'Klantstroom.uitstroomPerReden': [STUUR, ks('uitstroomPerReden { code }'), ['klantstromen', '0', 'uitstroomPerReden', '0', 'code']],
  ...Object.fromEntries(['code', 'omschrijving'].map((f) => [`UitstroomPerReden.${f}`, [STUUR, ks(`uitstroomPerReden { ${f} }`), ['klantstromen', '0', 'uitstroomPerReden', '0', f]]])),
  'UitstroomPerReden.aantal': [STUUR, ks('uitstroomPerReden { aantal { onderdrukt } }'), ['klantstromen', '0', 'uitstroomPerReden', '0', 'aantal', 'onderdrukt']],
  'Klantstroom.verschuiving': [STUUR, ks('verschuiving { groep }'), ['klantstromen', '0', 'verschuiving', '0', 'groep']],
  ...Object.fromEntries(['groep', 'aandeelBasisProcent', 'verwachtAandeelBasisProcent'].map((f) => [`Verschuiving.${f}`, [STUUR, ks(`verschuiving { ${f} }`), ['klantstromen', '0', 'verschuiving', '0', f]]])),
  ...Object.fromEntries(['inBasis', 'inAanvullend'].map((f) => [`Verschuiving.${f}`, [STUUR, ks(`verschuiving { ${f} { onderdrukt } }`), ['klantstromen', '0', 'verschuiving', '0', f, 'onderdrukt']]])),
  'Query.aanbiederslandschap': [STUUR, landschap('rol'), ['aanbiederslandschap', '0', 'rol']],
  'AanbiederInWijk.rol': [STUUR, landschap('rol'), ['aanbiederslandschap', '0', 'rol']],
  'AanbiederInWijk.wijk': [STUUR, landschap('wijk { code }'), ['aanbiederslandschap', '0', 'wijk', 'code']],
  'AanbiederInWijk.organisatie': [STUUR, landschap('organisatie { id }'), ['aanbiederslandschap', '0', 'organisatie', 'id']],
  'AanbiederInWijk.clienten': [STUUR, landschap('clienten { onderdrukt }'), ['aanbiederslandschap', '0', 'clienten', 'onderdrukt']],
  'Query.omvangPerProduct': [STUUR, omvang('product'), ['omvangPerProduct', '0', 'product']],
  ...Object.fromEntries(['product', 'eenheid', 'frequentie', 'volume'].map((f) => [`OmvangPerProduct.${f}`, [STUUR, omvang(f), ['omvangPerProduct', '0', f]]])),
  'OmvangPerProduct.organisatie': [STUUR, omvang('organisatie { id }'), ['omvangPerProduct', '0', 'organisatie', 'id']],
  'OmvangPerProduct.clienten': [STUUR, omvang('clienten { onderdrukt }'), ['omvangPerProduct', '0', 'clienten', 'onderdrukt']],
  'Inwoner.contactmomenten': [PLAN, inwoner('contactmomenten { id }'), ['inwoner', 'contactmomenten', '0', 'id']],
  ...Object.fromEntries(['id', 'soort', 'datum'].map((f) => [`Contactmoment.${f}`, [PLAN, inwoner(`contactmomenten { ${f} }`), ['inwoner', 'contactmomenten', '0', f]]])),
  'Contactmoment.organisatie': [PLAN, inwoner('contactmomenten { organisatie { id } }'), ['inwoner', 'contactmomenten', '0', 'organisatie', 'id']],
  'Inwoner.lopendeBeschikkingen': [PLAN, inwoner('lopendeBeschikkingen { id }'), ['inwoner', 'lopendeBeschikkingen', '0', 'id']],
  ...Object.fromEntries(['id', 'product', 'einddatum', 'perspectiefgesprekUiterlijk', 'perspectiefgesprekGevoerd'].map((f) => [`LopendeBeschikking.${f}`, [PLAN, inwoner(`lopendeBeschikkingen { ${f} }`), ['inwoner', 'lopendeBeschikkingen', '0', f]]])),
  'Inwoner.verwijzingen': [PLAN, inwoner('verwijzingen { id }'), ['inwoner', 'verwijzingen', '0', 'id']],
  ...Object.fromEntries(['id', 'product', 'criteria', 'toewijzingId', 'op'].map((f) => [`Verwijzing.${f}`, [PLAN, inwoner(`verwijzingen { ${f} }`), ['inwoner', 'verwijzingen', '0', f]]])),
  'Inwoner.beschikkingAanvragen': [PLAN, inwoner('beschikkingAanvragen { id }'), ['inwoner', 'beschikkingAanvragen', '0', 'id']],
  ...Object.fromEntries(['id', 'status', 'aangevraagdOp', 'advies', 'adviesOp', 'besluit', 'besluitGronden', 'besluitDatum', 'bezwaarOp']
    .map((f) => [`BeschikkingAanvraag.${f}`, [PLAN, inwoner(`beschikkingAanvragen { ${f} }`), ['inwoner', 'beschikkingAanvragen', '0', f]]])),
  'Inwoner.signalen': [SIGNAAL, inwoner('signalen { id }'), ['inwoner', 'signalen', '0', 'id']],
  ...Object.fromEntries(['id', 'soort', 'stap', 'datum'].map((f) => [`Signaal.${f}`, [SIGNAAL, inwoner(`signalen { ${f} }`), ['inwoner', 'signalen', '0', f]]])),
  'Inwoner.huishouden': [PLAN, inwoner('huishouden { id }'), ['inwoner', 'huishouden', 'id']],
  'Huishouden.id': [PLAN, inwoner('huishouden { id }'), ['inwoner', 'huishouden', 'id']],
  'Huishouden.leden': [PLAN, inwoner('huishouden { leden { id } }'), ['inwoner', 'huishouden', 'leden', '0', 'id']],
  'Huishouden.plan': [PLAN, inwoner('huishouden { plan { id } }'), ['inwoner', 'huishouden', 'plan', 'id']],
  ...Object.fromEntries(['id', 'opgesteldOp'].map((f) => [`Plan.${f}`, [PLAN, inwoner(`huishouden { plan { ${f} } }`), ['inwoner', 'huishouden', 'plan', f]]])),
  'Plan.regievoerder': [PLAN, inwoner('huishouden { plan { regievoerder { id } } }'), ['inwoner', 'huishouden', 'plan', 'regievoerder', 'id']],
  'Plan.afgesprokenOndersteuning': [PLAN, inwoner('huishouden { plan { afgesprokenOndersteuning { soort } } }'), ['inwoner', 'huishouden', 'plan', 'afgesprokenOndersteuning', '0', 'soort']],
  'Mutation.planOpstellen': [BASISMW, 'mutation { planOpstellen(huishouden: "nope", regievoerder: "nope") { id } }', [], 'mutation'],
  'Mutation.doelToevoegen': [BASISMW, 'mutation { doelToevoegen(plan: "nope", omschrijving: "Zelf koken") { id } }', [], 'mutation'],
  'Mutation.doelAfsluiten': [BASISMW, 'mutation { doelAfsluiten(id: "nope", status: BEREIKT) { id } }', [], 'mutation'],
  'Plan.doelen': [PLAN, inwoner('huishouden { plan { doelen { id } } }'), ['inwoner', 'huishouden', 'plan', 'doelen', '0', 'id']],
  ...Object.fromEntries(['id', 'naam'].map((f) => [`Regievoerder.${f}`, [PLAN, inwoner(`huishouden { plan { regievoerder { ${f} } } }`), ['inwoner', 'huishouden', 'plan', 'regievoerder', f]]])),
  'Regievoerder.organisatie': [PLAN, inwoner('huishouden { plan { regievoerder { organisatie { naam } } } }'), ['inwoner', 'huishouden', 'plan', 'regievoerder', 'organisatie', 'naam']],
  ...Object.fromEntries(['id', 'omschrijving', 'status', 'streefdatum'].map((f) => [`Doel.${f}`, [PLAN, inwoner(`huishouden { plan { doelen { ${f} } } }`), ['inwoner', 'huishouden', 'plan', 'doelen', '0', f]]])),
  'Wijk.weekprogramma': [ALL, wijk('weekprogramma { datum }'), ['wijk', 'weekprogramma', '0', 'datum']],
  'Organisatie.samenwerkingen': [ALL, org('amaryllis', 'samenwerkingen { rol }'), ['organisatie', 'samenwerkingen', '0', 'rol']],
  'Buurtkamer.partners': [ALL, kamer0('partners { rol }'), ['buurtkamers', '0', 'partners', '0', 'rol']],
  'Buurtkamer.rooster': [ALL, kamer0('rooster { id }'), ['buurtkamers', '0', 'rooster', '0', 'id']],
  ...Object.fromEntries(['rol', 'sinds', 'tot'].map((f) => [`Samenwerking.${f}`, [ALL, kamer0(`partners { ${f} }`), ['buurtkamers', '0', 'partners', '0', f]]])),
  'Samenwerking.organisatie': [ALL, kamer0('partners { organisatie { naam } }'), ['buurtkamers', '0', 'partners', '0', 'organisatie', 'naam']],
  'Samenwerking.kamer': [ALL, kamer0('partners { kamer { naam } }'), ['buurtkamers', '0', 'partners', '0', 'kamer', 'naam']],
  ...Object.fromEntries(['id', 'weekdag', 'begintijd', 'eindtijd', 'soort', 'omschrijving'].map((f) => [`RoosterItem.${f}`, [ALL, kamer0(`rooster { ${f} }`), ['buurtkamers', '0', 'rooster', '0', f]]])),
  'RoosterItem.gastheer': [ALL, kamer0('rooster { gastheer { naam } }'), ['buurtkamers', '0', 'rooster', '0', 'gastheer', 'naam']],
  ...Object.fromEntries(['datum', 'begintijd', 'eindtijd', 'soort', 'omschrijving'].map((f) => [`Activiteit.${f}`, [ALL, wijk(`weekprogramma { ${f} }`), ['wijk', 'weekprogramma', '0', f]]])),
  'Activiteit.kamer': [ALL, wijk('weekprogramma { kamer { naam } }'), ['wijk', 'weekprogramma', '0', 'kamer', 'naam']],
  'Activiteit.gastheer': [ALL, wijk('weekprogramma { gastheer { naam } }'), ['wijk', 'weekprogramma', '0', 'gastheer', 'naam']],
  ...Object.fromEntries(['id', 'voornaam', 'achternaam', 'vaardigheden', 'beschikbaarheid', 'actief'].map((f) => [`Vrijwilliger.${f}`, [VOL, `{ vrijwilligers { ${f} } }`, ['vrijwilligers', '0', f]]])),
  'Vrijwilliger.kamer': [VOL, '{ vrijwilligers { kamer { naam } } }', ['vrijwilligers', '0', 'kamer']],
  'Vrijwilliger.organisatie': [VOL, '{ vrijwilligers { organisatie { naam } } }', ['vrijwilligers', '0', 'organisatie', 'naam']],
  ...Object.fromEntries(['id', 'soort', 'status', 'aangemaaktOp'].map((f) => [`Hulpvraag.${f} via Query.hulpvragen`, [VOL, matched(f), ['hulpvragen', '0', f]]])),
  'Hulpvraag.wijk via Query.hulpvragen': [VOL, matched('wijk { code }'), ['hulpvragen', '0', 'wijk', 'code']],
  ...Object.fromEntries(['id', 'soort', 'status', 'aangemaaktOp'].map((f) => [`Hulpvraag.${f} via opschalen`, [VOL_BASIS, opgeschaald(f), ['hulpvragen', '0', f]]])),
  'Hulpvraag.inwoner via opschalen': [VOL_BASIS, opgeschaald('inwoner { id }'), ['hulpvragen', '0', 'inwoner']],
  'Hulpvraag.inwoner': [VOL, matched('inwoner { id voornaam }'), ['hulpvragen', '0', 'inwoner', 'voornaam']],
  'Hulpvraag.vrijwilliger': [VOL, matched('vrijwilliger { voornaam }'), ['hulpvragen', '0', 'vrijwilliger', 'voornaam']],
  'Hulpvraag.geschiedenis': [COORD, matched('geschiedenis { naar }'), ['hulpvragen', '0', 'geschiedenis', '0', 'naar']],
  ...Object.fromEntries(['van', 'naar', 'reden', 'op'].map((f) => [`HulpvraagGebeurtenis.${f}`, [COORD, matched(`geschiedenis { ${f} }`), ['hulpvragen', '0', 'geschiedenis', '1', f]]])),
  'Inwoner.toestemmingen': [TOESTEMMING, inwoner('toestemmingen { id }'), ['inwoner', 'toestemmingen', '0', 'id']],
  ...Object.fromEntries(['id', 'doel', 'gegevenOp', 'ingetrokkenOp'].map((f) => [`Toestemming.${f}`, [TOESTEMMING, inwoner(`toestemmingen { ${f} }`), ['inwoner', 'toestemmingen', '0', f]]])),
  'Toestemming.inwoner': [TOESTEMMING, inwoner('toestemmingen { inwoner { id } }'), ['inwoner', 'toestemmingen', '0', 'inwoner', 'id']],
  'Toestemming.organisatie': [TOESTEMMING, inwoner('toestemmingen { organisatie { id } }'), ['inwoner', 'toestemmingen', '0', 'organisatie', 'id']],
  'Query.organisaties': [ALL, '{ organisaties { id } }', ['organisaties']],
  'Query.organisatie': [ALL, org('amaryllis', 'id'), ['organisatie']],
  'Query.buurtkamers': [ALL, '{ buurtkamers { id } }', ['buurtkamers']],
  'Wijk.code': [ALL, wijk('code'), ['wijk', 'code']],
  'Wijk.naam': [ALL, wijk('naam'), ['wijk', 'naam']],
  'Wijk.gebied': [ALL, wijk('gebied'), ['wijk', 'gebied']],
  'Wijk.clientenBasisondersteuning': [AGG, wijk('clientenBasisondersteuning { onderdrukt }'), ['wijk', 'clientenBasisondersteuning']],
  'Query.gebieden': [ALL, gebied('naam'), ['gebieden', '0', 'naam']],
  'Query.gemeente': [ALL, gemeente('code'), ['gemeente', 'code']],
  'Gebied.naam': [ALL, gebied('naam'), ['gebieden', '0', 'naam']],
  'Gebied.wijken': [ALL, gebied('wijken { code }'), ['gebieden', '0', 'wijken', '0', 'code']],
  'Gemeente.code': [ALL, gemeente('code'), ['gemeente', 'code']],
  'Gemeente.gebieden': [ALL, gemeente('gebieden { naam }'), ['gemeente', 'gebieden', '0', 'naam']],
  'Gemeente.wijken': [ALL, gemeente('wijken { code }'), ['gemeente', 'wijken', '0', 'code']],
  ...figuurRijen('basisondersteuningCijfers', 'periode', ['periode'], MONITOR),
  ...figuurVelden('basisondersteuningCijfers', 'BasisondersteuningCijfers', [
    ['periode', 'periode', ['periode']], ['van', 'van', ['van']], ['tot', 'tot', ['tot']],
    ['clienten', 'clienten { onderdrukt }', ['clienten', 'onderdrukt']], ['perSoort', 'perSoort { soort }', ['perSoort', '0', 'soort']],
  ], MONITOR),
  ...figuurRijen('aanvullendeOndersteuningCijfers', 'periode', ['periode'], MONITOR),
  ...figuurVelden('aanvullendeOndersteuningCijfers', 'AanvullendeOndersteuningCijfers', [
    ['periode', 'periode', ['periode']], ['van', 'van', ['van']], ['tot', 'tot', ['tot']],
    ['perAanbieder', 'perAanbieder { eigenOrganisatie }', ['perAanbieder', '0', 'eigenOrganisatie']],
  ], MONITOR),
  // Clients in total and per product mix a provider's own clients with others': not for providers.
  ...figuurVelden('aanvullendeOndersteuningCijfers', 'AanvullendeOndersteuningCijfers', [
    ['clienten', 'clienten { onderdrukt }', ['clienten', 'onderdrukt']], ['perProduct', 'perProduct { product }', ['perProduct', '0', 'product']],
  ], GEMEENTE_MONITOR),
  ...figuurVelden('aanvullendeOndersteuningCijfers', 'ClientenPerProduct', [
    ['product', 'perProduct { product }', ['perProduct', '0', 'product']], ['clienten', 'perProduct { clienten { onderdrukt } }', ['perProduct', '0', 'clienten', 'onderdrukt']],
  ], GEMEENTE_MONITOR),
  ...figuurVelden('aanvullendeOndersteuningCijfers', 'ClientenPerAanbieder', [
    ['organisatie', 'perAanbieder { organisatie { id } }', ['perAanbieder', '0', 'organisatie', 'id']],
    ['eigenOrganisatie', 'perAanbieder { eigenOrganisatie }', ['perAanbieder', '0', 'eigenOrganisatie']],
    ['rol', 'perAanbieder { rol }', ['perAanbieder', '0', 'rol']],
    ['clienten', 'perAanbieder { clienten { onderdrukt } }', ['perAanbieder', '0', 'clienten', 'onderdrukt']],
  ], MONITOR),
  ...figuurVelden('basisondersteuningCijfers', 'ClientenPerSoort', [
    ['soort', 'perSoort { soort }', ['perSoort', '0', 'soort']], ['clienten', 'perSoort { clienten { onderdrukt } }', ['perSoort', '0', 'clienten', 'onderdrukt']],
  ], MONITOR),
  ...figuurRijen('socialeBasisCijfers', 'periode', ['periode'], MONITOR),
  ...figuurVelden('socialeBasisCijfers', 'SocialeBasisCijfers', [
    ['periode', 'periode', ['periode']], ['van', 'van', ['van']], ['tot', 'tot', ['tot']],
    ['deelnemers', 'deelnemers { onderdrukt }', ['deelnemers', 'onderdrukt']],
    ['anoniemGematcht', 'anoniemGematcht { onderdrukt }', ['anoniemGematcht', 'onderdrukt']],
    ['nieuweHulpvragen', 'nieuweHulpvragen { onderdrukt }', ['nieuweHulpvragen', 'onderdrukt']],
    ['nieuwPerSoort', 'nieuwPerSoort { soort }', ['nieuwPerSoort', '0', 'soort']],
    ['openAanHetEinde', 'openAanHetEinde { onderdrukt }', ['openAanHetEinde', 'onderdrukt']],
  ], MONITOR),
  ...figuurVelden('socialeBasisCijfers', 'HulpvragenPerSoort', [
    ['soort', 'nieuwPerSoort { soort }', ['nieuwPerSoort', '0', 'soort']],
    ['hulpvragen', 'nieuwPerSoort { hulpvragen { onderdrukt } }', ['nieuwPerSoort', '0', 'hulpvragen', 'onderdrukt']],
  ], MONITOR),
  ...figuurRijen('huishoudelijkeHulpCijfers', 'periode', ['periode'], MONITOR),
  ...figuurVelden('huishoudelijkeHulpCijfers', 'HuishoudelijkeHulpCijfers', [
    ['periode', 'periode', ['periode']], ['van', 'van', ['van']], ['tot', 'tot', ['tot']],
    ['clienten', 'clienten { onderdrukt }', ['clienten', 'onderdrukt']], ['urenPerWeek', 'urenPerWeek', ['urenPerWeek']],
    ['perAanbieder', 'perAanbieder { eigenOrganisatie }', ['perAanbieder', '0', 'eigenOrganisatie']],
  ], MONITOR),
  ...figuurVelden('huishoudelijkeHulpCijfers', 'HhCijfersPerAanbieder', [
    ['aanbieder', 'perAanbieder { aanbieder { id } }', ['perAanbieder', '0', 'aanbieder', 'id']],
    ['eigenOrganisatie', 'perAanbieder { eigenOrganisatie }', ['perAanbieder', '0', 'eigenOrganisatie']],
    ['clienten', 'perAanbieder { clienten { onderdrukt } }', ['perAanbieder', '0', 'clienten', 'onderdrukt']],
    ['urenPerWeek', 'perAanbieder { urenPerWeek }', ['perAanbieder', '0', 'urenPerWeek']],
  ], MONITOR),
  // Money per wijk, gebied and gemeente (financien/cijfers.ts): the budget roles, not the providers.
  ...figuurRijen('financienCijfers', 'periode', ['periode'], BUDGET),
  ...figuurVelden('financienCijfers', 'FinancienCijfers', [
    ['periode', 'periode', ['periode']], ['van', 'van', ['van']], ['tot', 'tot', ['tot']], ['perPerceel', 'perPerceel { perceel }', ['perPerceel', '0', 'perceel']],
  ], BUDGET),
  ...figuurVelden('financienCijfers', 'KostenPerPerceel', [
    ['perceel', 'perPerceel { perceel }', ['perPerceel', '0', 'perceel']], ['eenheid', 'perPerceel { eenheid }', ['perPerceel', '0', 'eenheid']],
    ['clienten', 'perPerceel { clienten { onderdrukt } }', ['perPerceel', '0', 'clienten', 'onderdrukt']], ['volume', 'perPerceel { volume }', ['perPerceel', '0', 'volume']],
    ['besteed', 'perPerceel { besteed { centen } }', ['perPerceel', '0', 'besteed', 'centen']],
  ], BUDGET),
  // Subsidies and budgets are given for whole years only.
  ...Object.fromEntries(([
    ['FinancienCijfers.subsidies', 'subsidies { centen }', ['subsidies', 'centen']],
    ['FinancienCijfers.subsidiesZonderWijk', 'subsidiesZonderWijk { centen }', ['subsidiesZonderWijk', 'centen']],
    ['KostenPerPerceel.budget', 'perPerceel { budget { centen } }', ['perPerceel', '0', 'budget', 'centen']],
  ] as Array<[string, string, string[]]>).map(([f, sel, pad]) =>
    [f, [BUDGET, gemeente(`financienCijfers(van: "2025-01-01", tot: "2025-12-31") { ${sel} }`), ['gemeente', 'financienCijfers', '0', ...pad]]])),
  'Wijk.buurtkamers': [ALL, wijk('buurtkamers { id }'), ['wijk', 'buurtkamers']],
  'Wijk.openHulpvragen': [AGG, wijk('openHulpvragen { onderdrukt }'), ['wijk', 'openHulpvragen']],
  'Wijk.clientenAanvullendeOndersteuning': [AGG_ZONDER_LEVERANCIERS, wijk('clientenAanvullendeOndersteuning { onderdrukt }'), ['wijk', 'clientenAanvullendeOndersteuning']],
  'Wijk.clientenHuishoudelijkeHulp': [AGG, wijk('clientenHuishoudelijkeHulp { onderdrukt }'), ['wijk', 'clientenHuishoudelijkeHulp']],
  'Wijk.subsidieTotaal': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { valuta }'), ['wijk', 'subsidieTotaal']],
  'Telling.waarde': [AGG, wijk('clientenHuishoudelijkeHulp { waarde }'), ['wijk', 'clientenHuishoudelijkeHulp', 'waarde']],
  'Telling.onderdrukt': [AGG, wijk('openHulpvragen { onderdrukt }'), ['wijk', 'openHulpvragen', 'onderdrukt']],
  'Bedrag.valuta': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { valuta }'), ['wijk', 'subsidieTotaal', 'valuta']],
  'Bedrag.centen': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { centen }'), ['wijk', 'subsidieTotaal', 'centen']],
  'Bedrag.euro': [WIJKBUDGET, wijk('subsidieTotaal(jaar: 2025) { euro }'), ['wijk', 'subsidieTotaal', 'euro']],
  'Buurtkamer.id': [ALL, '{ buurtkamers { id } }', ['buurtkamers', '0', 'id']],
  'Buurtkamer.naam': [ALL, '{ buurtkamers { naam } }', ['buurtkamers', '0', 'naam']],
  'Buurtkamer.gebied': [ALL, '{ buurtkamers { gebied } }', ['buurtkamers', '0', 'gebied']],
  'Buurtkamer.plaats': [ALL, '{ buurtkamers { plaats } }', ['buurtkamers', '0', 'plaats']],
  'Buurtkamer.adres': [ALL, '{ buurtkamers { adres } }', ['buurtkamers', '0', 'adres']],
  'Buurtkamer.hoofdlocatie': [ALL, '{ buurtkamers { hoofdlocatie } }', ['buurtkamers', '0', 'hoofdlocatie']],
  'Buurtkamer.wijk': [ALL, '{ buurtkamers { wijk { naam } } }', ['buurtkamers', '0', 'wijk', 'naam']],
  'Organisatie.id': [ALL, org('amaryllis', 'id'), ['organisatie', 'id']],
  'Organisatie.naam': [ALL, org('amaryllis', 'naam'), ['organisatie', 'naam']],
  'Organisatie.soort': [ALL, org('amaryllis', 'soort'), ['organisatie', 'soort']],
  'Organisatie.subsidies': [SUBSIDIE, org('vol', 'subsidies { id }'), ['organisatie', 'subsidies']],
  'Organisatie.actieveToewijzingen': [AGG, org('windkracht058', 'actieveToewijzingen { onderdrukt }'), ['organisatie', 'actieveToewijzingen']],
  'Organisatie.hhClienten': [AGG, org('thfl', 'hhClienten { onderdrukt }'), ['organisatie', 'hhClienten']],
  'Subsidie.id': [SUBSIDIE, org('vol', 'subsidies { id }'), ['organisatie', 'subsidies', '0', 'id']],
  'Subsidie.jaar': [SUBSIDIE, org('vol', 'subsidies { jaar }'), ['organisatie', 'subsidies', '0', 'jaar']],
  'Subsidie.bedrag': [SUBSIDIE, org('vol', 'subsidies { bedrag { euro } }'), ['organisatie', 'subsidies', '0', 'bedrag', 'euro']],
  'Subsidie.doel': [SUBSIDIE, org('vol', 'subsidies { doel }'), ['organisatie', 'subsidies', '0', 'doel']],
  'Subsidie.voorwaarden': [SUBSIDIE, org('vol', 'subsidies { voorwaarden }'), ['organisatie', 'subsidies', '0', 'voorwaarden', '0']],
  'Subsidie.wijk': [SUBSIDIE, org('vol', 'subsidies { wijk { code } }'), ['organisatie', 'subsidies', '0', 'wijk']],
  'Inwoner.id': [CONTACT, inwoner('id'), ['inwoner', 'id']],
  'Inwoner.bsn': [['gemeente-consulent'], inwoner('bsn'), ['inwoner', 'bsn']],
  'Inwoner.voornaam': [CONTACT, inwoner('voornaam'), ['inwoner', 'voornaam']],
  'Inwoner.achternaam': [CONTACT, inwoner('achternaam'), ['inwoner', 'achternaam']],
  'Inwoner.geboortedatum': [PERSON, inwoner('geboortedatum'), ['inwoner', 'geboortedatum']],
  'Inwoner.adres': [CONTACT, inwoner('adres { __typename }'), ['inwoner', 'adres']],
  'Inwoner.wijk': [PERSON, inwoner('wijk { code }'), ['inwoner', 'wijk', 'code']],
  'Inwoner.huishoudenId': [PERSON, inwoner('huishoudenId'), ['inwoner', 'huishoudenId']],
  'Inwoner.ondersteuningen': [BASIS, inwoner('ondersteuningen { __typename }'), ['inwoner', 'ondersteuningen']],
  'Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { __typename }'), ['inwoner', 'hulpvragen']],
  'Inwoner.toewijzingen': [TOEWIJZING, inwoner('toewijzingen { __typename }'), ['inwoner', 'toewijzingen']],
  'Inwoner.huishoudelijkeHulp': [HH, inwoner('huishoudelijkeHulp { __typename }'), ['inwoner', 'huishoudelijkeHulp']],
  'Adres.straat': [CONTACT, inwoner('adres { straat }'), ['inwoner', 'adres', 'straat']],
  'Adres.huisnummer': [CONTACT, inwoner('adres { huisnummer }'), ['inwoner', 'adres', 'huisnummer']],
  'Adres.postcode': [CONTACT, inwoner('adres { postcode }'), ['inwoner', 'adres', 'postcode']],
  'Adres.woonplaats': [CONTACT, inwoner('adres { woonplaats }'), ['inwoner', 'adres', 'woonplaats']],
  'Ondersteuning.id': [BASIS, inwoner('ondersteuningen { id }'), ['inwoner', 'ondersteuningen', '0', 'id']],
  'Ondersteuning.soort': [BASIS, inwoner('ondersteuningen { soort }'), ['inwoner', 'ondersteuningen', '0', 'soort']],
  'Ondersteuning.organisatie': [BASIS, inwoner('ondersteuningen { organisatie { id } }'), ['inwoner', 'ondersteuningen', '0', 'organisatie', 'id']],
  'Ondersteuning.startdatum': [BASIS, inwoner('ondersteuningen { startdatum }'), ['inwoner', 'ondersteuningen', '0', 'startdatum']],
  'Ondersteuning.einddatum': [BASIS, inwoner('ondersteuningen { einddatum }'), ['inwoner', 'ondersteuningen', '0', 'einddatum']],
  'Hulpvraag.id via Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { id }'), ['inwoner', 'hulpvragen', '0', 'id']],
  'Hulpvraag.soort via Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { soort }'), ['inwoner', 'hulpvragen', '0', 'soort']],
  'Hulpvraag.status via Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { status }'), ['inwoner', 'hulpvragen', '0', 'status']],
  'Hulpvraag.wijk via Inwoner.hulpvragen': [['inwoner'], inwoner('hulpvragen { wijk { code } }'), ['inwoner', 'hulpvragen', '0', 'wijk', 'code']],
  ...Object.fromEntries(
    ['id', 'toewijzingNummer', 'product', 'productcategorie', 'status', 'leveringsvorm', 'toewijzingsdatum', 'ingangsdatum', 'einddatum', 'begindatum', 'stopdatum', 'redenBeeindiging', 'startTeLaat']
      .map((f) => [`Toewijzing.${f}`, [TOEWIJZING, inwoner(`toewijzingen { ${f} }`), ['inwoner', 'toewijzingen', '0', f]]]),
  ),
  'Toewijzing.omvang': [TOEWIJZING, inwoner('toewijzingen { omvang { __typename } }'), ['inwoner', 'toewijzingen', '0', 'omvang']],
  'Toewijzing.aanbieder': [TOEWIJZING, inwoner('toewijzingen { aanbieder { naam } }'), ['inwoner', 'toewijzingen', '0', 'aanbieder', 'naam']],
  'Toewijzing.onderaannemer': [TOEWIJZING, inwoner('toewijzingen { onderaannemer { id } }'), ['inwoner', 'toewijzingen', '0', 'onderaannemer']],
  'Omvang.volume': [TOEWIJZING, inwoner('toewijzingen { omvang { volume } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'volume']],
  'Omvang.eenheid': [TOEWIJZING, inwoner('toewijzingen { omvang { eenheid } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'eenheid']],
  'Omvang.frequentie': [TOEWIJZING, inwoner('toewijzingen { omvang { frequentie } }'), ['inwoner', 'toewijzingen', '0', 'omvang', 'frequentie']],
  'Toewijzing.iwmoBerichten': [TOEWIJZING, iwmoVanX('berichtType'), ['inwoner', 'toewijzingen', '0', 'iwmoBerichten', '0', 'berichtType']],
  ...Object.fromEntries(['berichtType', 'header { berichtCode }', 'inwoner { id }', 'aangevraagdProduct { product { code } }', 'toegewezenProduct { product { code } }', 'startProduct { begindatum }', 'stopProduct { einddatum }']
    .map((sel) => [`IwmoBericht.${sel.split(' ')[0]}`, [TOEWIJZING, iwmoVanX(sel), ['inwoner', 'toewijzingen', '0', 'iwmoBerichten', '0', sel.split(' ')[0]!]]])),
  ...Object.fromEntries(['berichtCode', 'afzender', 'ontvanger', 'identificatieRetour', 'dagtekeningRetour']
    .map((f) => [`IwmoHeader.${f}`, [TOEWIJZING, iwmoVanX(`header { ${f} }`), ['inwoner', 'toewijzingen', '0', 'iwmoBerichten', '0', 'header', f]]])),
  'IwmoHeader.berichtIdentificatie': [TOEWIJZING, iwmoVanX('header { berichtIdentificatie { identificatie } }'), ['inwoner', 'toewijzingen', '0', 'iwmoBerichten', '0', 'header', 'berichtIdentificatie', 'identificatie']],
  ...Object.fromEntries(['identificatie', 'dagtekening'].map((f) => [`IwmoBerichtIdentificatie.${f}`,
    [TOEWIJZING, iwmoVanX(`header { berichtIdentificatie { ${f} } }`), ['inwoner', 'toewijzingen', '0', 'iwmoBerichten', '0', 'header', 'berichtIdentificatie', f]]])),
  'Query.iwmoBerichten': [TOEWIJZING, iwmo('WMO301', 'berichten { berichtType }'), ['iwmoBerichten', 'berichten', '0', 'berichtType']],
  'IwmoBerichtenPagina.berichten': [TOEWIJZING, iwmo('WMO301', 'berichten { berichtType }'), ['iwmoBerichten', 'berichten', '0', 'berichtType']],
  'IwmoBerichtenPagina.volgende': [TOEWIJZING, iwmo('WMO301', 'volgende'), ['iwmoBerichten', 'volgende']],
  ...Object.fromEntries(['referentieAanbieder', 'toewijzingIngangsdatum', 'verwijzer { id }', 'product { code }', 'omvang { volume }'].map((sel) => [`IwmoAangevraagdProduct.${sel.split(' ')[0]}`,
    [TOEWIJZING_NIET_LOPEND, iwmo('WMO315', `berichten { aangevraagdProduct { ${sel} } }`), ['iwmoBerichten', 'berichten', '0', 'aangevraagdProduct', sel.split(' ')[0]!]]])),
  ...Object.fromEntries(['toewijzingNummer', 'toewijzingsdatum', 'ingangsdatum', 'product { code }', 'einddatum', 'redenWijziging', 'omvang { volume }'].map((sel) => [`IwmoToegewezenProduct.${sel.split(' ')[0]}`,
    [TOEWIJZING, iwmo('WMO301', `berichten { toegewezenProduct { ${sel} } }`), ['iwmoBerichten', 'berichten', '0', 'toegewezenProduct', sel.split(' ')[0]!]]])),
  ...Object.fromEntries(['categorie', 'code'].map((f) => [`IwmoProduct.${f}`,
    [TOEWIJZING, iwmo('WMO301', `berichten { toegewezenProduct { product { ${f} } } }`), ['iwmoBerichten', 'berichten', '0', 'toegewezenProduct', 'product', f]]])),
  ...Object.fromEntries(['toewijzingNummer', 'product { code }', 'toewijzingIngangsdatum', 'begindatum'].map((sel) => [`IwmoStartProduct.${sel.split(' ')[0]}`,
    [TOEWIJZING, iwmo('WMO305', `berichten { startProduct { ${sel} } }`), ['iwmoBerichten', 'berichten', '0', 'startProduct', sel.split(' ')[0]!]]])),
  ...Object.fromEntries(['toewijzingNummer', 'product { code }', 'toewijzingIngangsdatum', 'begindatum', 'einddatum', 'redenBeeindiging'].map((sel) => [`IwmoStopProduct.${sel.split(' ')[0]}`,
    // The stopped 1999 toewijzing: its stop stays in the provider's inbox.
    [TOEWIJZING, iwmo('WMO307', `berichten { stopProduct { ${sel} } }`), ['iwmoBerichten', 'berichten', '0', 'stopProduct', sel.split(' ')[0]!]]])),
  'Mutation.iwmoBerichtVerwerken': [IWMO_AFZENDER, iwmoVerwerken('status'), [], 'mutation'],
  ...Object.fromEntries(['status', 'bericht { berichtType }', 'retour { berichtType }'].map((sel) => [`IwmoVerwerking.${sel.split(' ')[0]}`, [IWMO_AFZENDER, iwmoVerwerken(sel), [], 'mutation']])),
  ...Object.fromEntries(
    ['id', 'minutenPerWeek', 'startdatum', 'einddatum']
      .map((f) => [`HhIndicatie.${f}`, [HH, inwoner(`huishoudelijkeHulp { ${f} }`), ['inwoner', 'huishoudelijkeHulp', '0', f]]]),
  ),
  'HhIndicatie.aanbieder': [HH, inwoner('huishoudelijkeHulp { aanbieder { naam } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'aanbieder', 'naam']],
  'Query.hhNormtabel': [ALL, '{ hhNormtabel(jaar: 2026) { jaar } }', ['hhNormtabel', 'jaar']],
  ...Object.fromEntries(['jaar', 'standaardLooptijdMaanden', 'langeLooptijdMaanden', 'leeftijdLangeLooptijd', 'vakantieweken', 'vakantieReductieProcent']
    .map((f) => [`HhNormjaar.${f}`, [ALL, `{ hhNormtabel(jaar: 2026) { ${f} } }`, ['hhNormtabel', f]]])),
  'HhNormjaar.regels': [ALL, '{ hhNormtabel(jaar: 2026) { regels { activiteit } } }', ['hhNormtabel', 'regels', '0', 'activiteit']],
  ...Object.fromEntries(['activiteit', 'omschrijving', 'minutenPerWeek', 'extraMinutenPerPersoon', 'schoonmaak']
    .map((f) => [`HhNormregel.${f}`, [ALL, `{ hhNormtabel(jaar: 2026) { regels { ${f} } } }`, ['hhNormtabel', 'regels', '0', f]]])),
  'Query.hhUrenBerekenen': [ALL, uren('minutenPerWeek'), ['hhUrenBerekenen', 'minutenPerWeek']],
  ...Object.fromEntries(['normjaar', 'huishoudgrootte', 'minutenPerWeek', 'vakantieweken', 'vakantieMinutenPerWeek', 'minutenPerJaar', 'looptijdMaanden', 'looptijdReden']
    .map((f) => [`HhBerekening.${f}`, [ALL, uren(f), ['hhUrenBerekenen', f]]])),
  'HhBerekening.regels': [ALL, uren('regels { minuten }'), ['hhUrenBerekenen', 'regels', '0', 'minuten']],
  ...Object.fromEntries(['activiteit', 'omschrijving', 'normMinutenPerWeek', 'extraMinutenPerPersoon', 'personen', 'mate', 'schoonmaak', 'minuten']
    .map((f) => [`HhBerekeningRegel.${f}`, [ALL, uren(`regels { ${f} }`), ['hhUrenBerekenen', 'regels', '0', f]]])),
  'HhIndicatie.berekening': [HH, inwoner('huishoudelijkeHulp { berekening { minutenPerWeek } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'berekening', 'minutenPerWeek']],
  'HhIndicatie.vasteHulp': [HH, inwoner('huishoudelijkeHulp { vasteHulp { id } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'vasteHulp', 'id']],
  'HhHulp.id': [HH, inwoner('huishoudelijkeHulp { vasteHulp { id } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'vasteHulp', 'id']],
  'HhHulp.aanbieder': [HH, inwoner('huishoudelijkeHulp { vasteHulp { aanbieder { naam } } }'), ['inwoner', 'huishoudelijkeHulp', '0', 'vasteHulp', 'aanbieder', 'naam']],
  'Query.hhAanvragen': [HHAANVRAAG, '{ hhAanvragen { id } }', ['hhAanvragen', '0', 'id']],
  ...Object.fromEntries(['id', 'status', 'ingediendOp', 'toewijzingsreden']
    .map((f) => [`HhAanvraag.${f}`, [HHAANVRAAG, `{ hhAanvragen { ${f} } }`, ['hhAanvragen', '0', f]]])),
  ...Object.fromEntries(['inwoner', 'voorkeurAanbieder', 'aanbieder', 'indicatie']
    .map((f) => [`HhAanvraag.${f}`, [HHAANVRAAG, `{ hhAanvragen { ${f} { id } } }`, ['hhAanvragen', '0', f, 'id']]])),
  'Query.hhWachtrij': [AGG, '{ hhWachtrij { onderdrukt } }', ['hhWachtrij', 'onderdrukt']],
  'Query.hhOverdracht': [OVERDRACHT, overdracht('id'), ['hhOverdracht', 'id']],
  ...Object.fromEntries(['id', 'soort', 'per'].map((f) => [`HhOverdracht.${f}`, [OVERDRACHT, overdracht(f), ['hhOverdracht', f]]])),
  ...Object.fromEntries(['van', 'naar'].map((f) => [`HhOverdracht.${f}`, [OVERDRACHT, overdracht(`${f} { id }`), ['hhOverdracht', f, 'id']]])),
  ...Object.fromEntries(['overgezet', 'paarNietBehouden'].map((f) => [`HhOverdracht.${f}`, [OVERDRACHT, overdracht(`${f} { onderdrukt }`), ['hhOverdracht', f, 'onderdrukt']]])),
  'HhOverdracht.regels': [REGEL, overdracht('regels { koppelingBehouden }'), ['hhOverdracht', 'regels', '0', 'koppelingBehouden']],
  ...Object.fromEntries(['koppelingBehouden', 'reden'].map((f) => [`HhOverdrachtRegel.${f}`, [REGEL, overdracht(`regels { ${f} }`), ['hhOverdracht', 'regels', '0', f]]])),
  ...Object.fromEntries(['inwoner', 'hulp', 'naar', 'nieuweIndicatie'].map((f) => [`HhOverdrachtRegel.${f}`, [REGEL, overdracht(`regels { ${f} { id } }`), ['hhOverdracht', 'regels', '0', f, 'id']]])),
  'Organisatie.hhCapaciteit': [AGG, org('thfl', 'hhCapaciteit { maxClienten }'), ['organisatie', 'hhCapaciteit', 'maxClienten']],
  'HhCapaciteit.maxClienten': [AGG, org('thfl', 'hhCapaciteit { maxClienten }'), ['organisatie', 'hhCapaciteit', 'maxClienten']],
  'HhCapaciteit.bezet': [AGG, org('thfl', 'hhCapaciteit { bezet { onderdrukt } }'), ['organisatie', 'hhCapaciteit', 'bezet', 'onderdrukt']],
  'Query.lumpsums': [GELD, '{ lumpsums(jaar: 2026) { id } }', ['lumpsums', '0', 'id']],
  ...Object.fromEntries(['id', 'jaar', 'perceel', 'herkomst'].map((f) => [`Lumpsum.${f}`, [GELD, `{ lumpsums(jaar: 2026) { ${f} } }`, ['lumpsums', '0', f]]])),
  ...Object.fromEntries(['vastgesteld', 'herverdeeld', 'actueel'].map((f) => [`Lumpsum.${f}`, [GELD, `{ lumpsums(jaar: 2026) { ${f} { centen } } }`, ['lumpsums', '0', f, 'centen']]])),
  'Lumpsum.organisatie': [GELD, '{ lumpsums(jaar: 2026) { organisatie { naam } } }', ['lumpsums', '0', 'organisatie', 'naam']],
  'Organisatie.lumpsums': [GELD, org('amaryllis', 'lumpsums(jaar: 2026) { id }'), ['organisatie', 'lumpsums']],
  'Query.perceelBudgetten': [BUDGET, '{ perceelBudgetten(jaar: 2026) { perceel } }', ['perceelBudgetten', '0', 'perceel']],
  'PerceelBudget.perceel': [BUDGET, '{ perceelBudgetten(jaar: 2026) { perceel } }', ['perceelBudgetten', '0', 'perceel']],
  ...Object.fromEntries(['vastgesteld', 'actueel'].map((f) => [`PerceelBudget.${f}`, [BUDGET, `{ perceelBudgetten(jaar: 2026) { ${f} { euro } } }`, ['perceelBudgetten', '0', f, 'euro']]])),
  'Query.herverdelingen': [GELD, '{ herverdelingen(jaar: 2025) { id } }', ['herverdelingen', '0', 'id']],
  ...Object.fromEntries(['id', 'jaar', 'motivering', 'status', 'besluitMotivering'].map((f) => [`Herverdeling.${f}`, [GELD, `{ herverdelingen(jaar: 2025) { ${f} } }`, ['herverdelingen', '0', f]]])),
  'Herverdeling.bedrag': [GELD, '{ herverdelingen(jaar: 2025) { bedrag { euro } } }', ['herverdelingen', '0', 'bedrag', 'euro']],
  ...Object.fromEntries(['van', 'naar'].map((f) => [`Herverdeling.${f}`, [GELD, `{ herverdelingen(jaar: 2025) { ${f} { perceel } } }`, ['herverdelingen', '0', f, 'perceel']]])),
  'HerverdelingPartij.perceel': [GELD, '{ herverdelingen(jaar: 2025) { van { perceel } } }', ['herverdelingen', '0', 'van', 'perceel']],
  'HerverdelingPartij.organisatie': [GELD, '{ herverdelingen(jaar: 2025) { van { organisatie { naam } } } }', ['herverdelingen', '0', 'van', 'organisatie', 'naam']],
  'Herverdeling.aangevraagdDoor': [GELD, '{ herverdelingen(jaar: 2025) { aangevraagdDoor { naam } } }', ['herverdelingen', '0', 'aangevraagdDoor', 'naam']],
  'Herverdeling.geschiedenis': [GELD, '{ herverdelingen(jaar: 2025) { geschiedenis { soort } } }', ['herverdelingen', '0', 'geschiedenis', '0', 'soort']],
  ...Object.fromEntries(['soort', 'op'].map((f) => [`HerverdelingStap.${f}`, [GELD, `{ herverdelingen(jaar: 2025) { geschiedenis { ${f} } } }`, ['herverdelingen', '0', 'geschiedenis', '0', f]]])),
  'HerverdelingStap.organisatie': [GELD, '{ herverdelingen(jaar: 2025) { geschiedenis { organisatie { naam } } } }', ['herverdelingen', '0', 'geschiedenis', '0', 'organisatie', 'naam']],
  'Query.taakstelling': [BUDGET, '{ taakstelling { voortgangProcent } }', ['taakstelling', 'voortgangProcent']],
  ...Object.fromEntries(['doel', 'risicoreserve', 'totaalMaatregelen', 'gerealiseerd', 'nogTeRealiseren'].map((f) => [`Taakstelling.${f}`, [BUDGET, `{ taakstelling { ${f} { euro } } }`, ['taakstelling', f, 'euro']]])),
  'Taakstelling.voortgangProcent': [BUDGET, '{ taakstelling { voortgangProcent } }', ['taakstelling', 'voortgangProcent']],
  'Taakstelling.subtotalen': [BUDGET, '{ taakstelling { subtotalen { groep } } }', ['taakstelling', 'subtotalen', '0', 'groep']],
  'Subtotaal.groep': [BUDGET, '{ taakstelling { subtotalen { groep } } }', ['taakstelling', 'subtotalen', '0', 'groep']],
  'Subtotaal.bedrag': [BUDGET, '{ taakstelling { subtotalen { bedrag { euro } } } }', ['taakstelling', 'subtotalen', '0', 'bedrag', 'euro']],
  'Taakstelling.maatregelen': [BUDGET, '{ taakstelling { maatregelen { id } } }', ['taakstelling', 'maatregelen', '0', 'id']],
  ...Object.fromEntries(['id', 'groep', 'omschrijving'].map((f) => [`Maatregel.${f}`, [BUDGET, `{ taakstelling { maatregelen { ${f} } } }`, ['taakstelling', 'maatregelen', '0', f]]])),
  'Maatregel.bedrag': [BUDGET, '{ taakstelling { maatregelen { bedrag { euro } } } }', ['taakstelling', 'maatregelen', '0', 'bedrag', 'euro']],
  'Maatregel.besparingen': [BUDGET, '{ taakstelling { maatregelen { besparingen { jaar } } } }', ['taakstelling', 'maatregelen', '0', 'besparingen', '0', 'jaar']],
  ...Object.fromEntries(['jaar', 'toelichting'].map((f) => [`Besparing.${f}`, [BUDGET, `{ taakstelling { maatregelen { besparingen { ${f} } } } }`, ['taakstelling', 'maatregelen', '0', 'besparingen', '0', f]]])),
  'Besparing.bedrag': [BUDGET, '{ taakstelling { maatregelen { besparingen { bedrag { euro } } } } }', ['taakstelling', 'maatregelen', '0', 'besparingen', '0', 'bedrag', 'euro']],
  'Mutation.lotBudgetVaststellen': [CONTRACTBEHEER, 'mutation { lotBudgetVaststellen(jaar: 2030, perceel: BASISONDERSTEUNING, totaal: "x") { id } }', [], 'mutation'],
  'Mutation.herverdelingAanvragen': [PARTIJ, 'mutation { herverdelingAanvragen(input: { jaar: 1900, van: "a", naar: "b", bedrag: "1", motivering: "Een goede reden" }) { id } }', [], 'mutation'],
  'Mutation.herverdelingGoedkeuren': [PARTIJ, 'mutation { herverdelingGoedkeuren(id: "nope") { id } }', [], 'mutation'],
  'Mutation.herverdelingBesluiten': [CONTRACTBEHEER, 'mutation { herverdelingBesluiten(id: "nope", besluit: AFWIJZEN, motivering: "Geen onderbouwing") { id } }', [], 'mutation'],
  'Mutation.besparingVastleggen': [CONTRACTBEHEER, 'mutation { besparingVastleggen(maatregel: "nope", jaar: 2025, bedrag: "1", toelichting: "Test") { jaar } }', [], 'mutation'],
  'Query.abonnementstarieven': [ALL, '{ abonnementstarieven { jaar } }', ['abonnementstarieven', '0', 'jaar']],
  ...Object.fromEntries(['jaar', 'periode', 'bron'].map((f) => [`Abonnementstarief.${f}`, [ALL, `{ abonnementstarieven { ${f} } }`, ['abonnementstarieven', '0', f]]])),
  'Abonnementstarief.bedrag': [ALL, '{ abonnementstarieven { bedrag { euro } } }', ['abonnementstarieven', '0', 'bedrag', 'euro']],
  'Query.cakExport': [CONSULENT, cak('jaar'), ['cakExport', 'jaar']],
  ...Object.fromEntries(['jaar', 'maand'].map((f) => [`CakExport.${f}`, [CONSULENT, cak(f), ['cakExport', f]]])),
  ...Object.fromEntries(['tarief', 'totaal'].map((f) => [`CakExport.${f}`, [CONSULENT, cak(`${f} { euro }`), ['cakExport', f, 'euro']]])),
  'CakExport.regels': [CONSULENT, cak('regels { huishouden }'), ['cakExport', 'regels', '0', 'huishouden']],
  ...Object.fromEntries(['huishouden', 'begindatum', 'einddatum'].map((f) => [`CakRegel.${f}`, [CONSULENT, cak(`regels { ${f} }`), ['cakExport', 'regels', '0', f]]])),
  'CakRegel.bedrag': [CONSULENT, cak('regels { bedrag { centen } }'), ['cakExport', 'regels', '0', 'bedrag', 'centen']],
  'CakRegel.inwoner': [CONSULENT, cak('regels { inwoner { bsn } }'), ['cakExport', 'regels', '0', 'inwoner', 'bsn']],
  'Mutation.abonnementstariefVastleggen': [CONTRACTBEHEER, 'mutation { abonnementstariefVastleggen(jaar: 2026, bedrag: "0", periode: MAAND, bron: "Test") { jaar } }', [], 'mutation'],
  'Query.realisatie': [GELD, '{ realisatie(jaar: 2025, kwartaal: 2) { kwartaal } }', ['realisatie', '0', 'kwartaal']],
  ...Object.fromEntries(['perceel', 'kwartaal', 'eenheid', 'volume', 'uitputtingProcent'].map((f) => [`Realisatie.${f}`, [GELD, `{ realisatie(jaar: 2025, kwartaal: 2) { ${f} } }`, ['realisatie', '0', f]]])),
  ...Object.fromEntries(['budget', 'besteed'].map((f) => [`Realisatie.${f}`, [GELD, `{ realisatie(jaar: 2025, kwartaal: 2) { ${f} { centen } } }`, ['realisatie', '0', f, 'centen']]])),
  'Realisatie.organisatie': [GELD, '{ realisatie(jaar: 2025, kwartaal: 2) { organisatie { naam } } }', ['realisatie', '0', 'organisatie', 'naam']],
  'Realisatie.clienten': [GELD, '{ realisatie(jaar: 2025, kwartaal: 2) { clienten { onderdrukt } } }', ['realisatie', '0', 'clienten', 'onderdrukt']],
  'Query.kostprijzen': [BUDGET, '{ kostprijzen(jaar: 2025) { perceel } }', ['kostprijzen', '0', 'perceel']],
  ...Object.fromEntries(['jaar', 'perceel', 'eenheid', 'bron'].map((f) => [`Kostprijs.${f}`, [BUDGET, `{ kostprijzen(jaar: 2025) { ${f} } }`, ['kostprijzen', '0', f]]])),
  'Kostprijs.bedrag': [BUDGET, '{ kostprijzen(jaar: 2025) { bedrag { euro } } }', ['kostprijzen', '0', 'bedrag', 'euro']],
  'Mutation.kostprijsVastleggen': [CONTRACTBEHEER, 'mutation { kostprijsVastleggen(jaar: 2025, perceel: BASISONDERSTEUNING, bedrag: "x", bron: "Test") { jaar } }', [], 'mutation'],
  // Kwaliteit: suppressed aggregates for policy, contract management and the adviesraad; a provider its own line unsuppressed.
  ...(() => {
    const KW: Rol[] = ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'];
    const kw = (sel: string) => `{ kwaliteit(van: "2025-01-01", tot: "2025-03-31") { ${sel} } }`;
    const reeks = (sel: string) => `{ kwaliteitReeks(van: "2025-01-01", tot: "2025-06-30", per: KWARTAAL) { ${sel} } }`;
    const gem = (sel: string) => kw(`gemeente { ${sel} }`);
    const telling = (f: string) => f === 'klachten' || f === 'afgehandeld' || f === 'bovenNorm' || f === 'respondenten' || f === 'bezwaren';
    const rows: Record<string, [readonly Rol[], string, string[]]> = {
      'Query.kwaliteit': [KW, kw('van'), ['kwaliteit', 'van']],
      'Query.kwaliteitReeks': [KW, reeks('label'), ['kwaliteitReeks', '0', 'label']],
      ...Object.fromEntries(['label', 'van', 'tot'].map((f) => [`KwaliteitPeriode.${f}`, [KW, reeks(f), ['kwaliteitReeks', '0', f]]])),
      'KwaliteitPeriode.kwaliteit': [KW, reeks('kwaliteit { van }'), ['kwaliteitReeks', '0', 'kwaliteit', 'van']],
      ...Object.fromEntries(['van', 'tot'].map((f) => [`Kwaliteit.${f}`, [KW, kw(f), ['kwaliteit', f]]])),
      'Kwaliteit.aanbieders': [KW, kw('aanbieders { eigenOrganisatie }'), ['kwaliteit', 'aanbieders', '0', 'eigenOrganisatie']],
      'Kwaliteit.gemeente': [KW, kw('gemeente { eigenOrganisatie }'), ['kwaliteit', 'gemeente', 'eigenOrganisatie']],
      'Kwaliteit.bezwaren': [KW, kw('bezwaren { onderdrukt }'), ['kwaliteit', 'bezwaren', 'onderdrukt']],
      'KwaliteitRegel.organisatie': [KW, kw('aanbieders { organisatie { naam } }'), ['kwaliteit', 'aanbieders', '0', 'organisatie', 'naam']],
      ...Object.fromEntries(['eigenOrganisatie', 'klachten', 'afgehandeld', 'mediaanAfhandeldagen', 'bovenNorm', 'respondenten', 'gemiddeldeScore'].map((f) =>
        [`KwaliteitRegel.${f}`, [KW, gem(telling(f) ? `${f} { onderdrukt }` : f), ['kwaliteit', 'gemeente', f, ...(telling(f) ? ['onderdrukt'] : [])]]])),
      'KwaliteitRegel.perRoute': [KW, gem('perRoute { route }'), ['kwaliteit', 'gemeente', 'perRoute', '0', 'route']],
      'KwaliteitRegel.perStatus': [KW, gem('perStatus { status }'), ['kwaliteit', 'gemeente', 'perStatus', '0', 'status']],
      'KwaliteitRegel.clientervaring': [KW, gem('clientervaring { product }'), ['kwaliteit', 'gemeente', 'clientervaring', '0', 'product']],
      'KlachtenPerRoute.route': [KW, gem('perRoute { route }'), ['kwaliteit', 'gemeente', 'perRoute', '0', 'route']],
      'KlachtenPerRoute.klachten': [KW, gem('perRoute { klachten { onderdrukt } }'), ['kwaliteit', 'gemeente', 'perRoute', '0', 'klachten', 'onderdrukt']],
      'KlachtenPerStatus.status': [KW, gem('perStatus { status }'), ['kwaliteit', 'gemeente', 'perStatus', '0', 'status']],
      'KlachtenPerStatus.klachten': [KW, gem('perStatus { klachten { onderdrukt } }'), ['kwaliteit', 'gemeente', 'perStatus', '0', 'klachten', 'onderdrukt']],
      'ClientervaringRegel.product': [KW, gem('clientervaring { product }'), ['kwaliteit', 'gemeente', 'clientervaring', '0', 'product']],
      'ClientervaringRegel.respondenten': [KW, gem('clientervaring { respondenten { onderdrukt } }'), ['kwaliteit', 'gemeente', 'clientervaring', '0', 'respondenten', 'onderdrukt']],
      'ClientervaringRegel.gemiddeldeScore': [KW, gem('clientervaring { gemiddeldeScore }'), ['kwaliteit', 'gemeente', 'clientervaring', '0', 'gemiddeldeScore']],
    };
    return rows;
  })(),
  'Mutation.hhNormjaarVastleggen': [BELEID, 'mutation { hhNormjaarVastleggen(jaar: 1900, input: { standaardLooptijdMaanden: 24, langeLooptijdMaanden: 60, vakantieweken: [], vakantieReductieProcent: 0 }) { jaar } }', [], 'mutation'],
  'Mutation.hhNormregelVastleggen': [BELEID, 'mutation { hhNormregelVastleggen(jaar: 1900, input: { activiteit: "X1", omschrijving: "Test", minutenPerWeek: 1, extraMinutenPerPersoon: 0, schoonmaak: false }) { activiteit } }', [], 'mutation'],
  'Mutation.hhAanvraagIndienen': [['gemeente-consulent', 'basis-medewerker', 'inwoner'], 'mutation { hhAanvraagIndienen(inwoner: "nope") { id } }', [], 'mutation'],
  'Mutation.hhWachtrijVerdelen': [CONSULENT, 'mutation { hhWachtrijVerdelen(aantal: 0) { id } }', [], 'mutation'],
  'Mutation.hhAanvraagIntrekken': [['gemeente-consulent', 'inwoner'], 'mutation { hhAanvraagIntrekken(id: "nope") { id } }', [], 'mutation'],
  'Mutation.hhIndicatieVaststellen': [['gemeente-consulent', 'hh-medewerker'], 'mutation { hhIndicatieVaststellen(aanvraag: "nope", input: { startdatum: "2026-12-01", huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { id } }', [], 'mutation'],
  'Mutation.hhKoppelen': [['hh-medewerker'], 'mutation { hhKoppelen(inwoner: "nope", hulp: "nope", per: "2026-12-01") { id } }', [], 'mutation'],
  'Mutation.hhCapaciteitVastleggen': [CONTRACTBEHEER, 'mutation { hhCapaciteitVastleggen(aanbieder: "nope", maxClienten: 1) { maxClienten } }', [], 'mutation'],
  'Mutation.hhPersoneelOverdragen': [CONTRACTBEHEER, 'mutation { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: [], per: "2026-12-01") { id } }', [], 'mutation'],
  'Mutation.hhClientenPlaatsen': [CONSULENT, 'mutation { hhClientenPlaatsen(van: "nope", per: "2026-12-01") { id } }', [], 'mutation'],
  'Query.mij': [INWONER, '{ mij { id } }', ['mij', 'id']],
  // Privacy: the register, the processing log, agreements and the anonymised file.
  'Query.verwerkingsactiviteiten': [ALL, '{ verwerkingsactiviteiten { uri } }', ['verwerkingsactiviteiten', '0', 'uri']],
  ...Object.fromEntries(['uri', 'doel', 'versie', 'naam', 'grondslag', 'omschrijving'].map((f) => [`Verwerkingsactiviteit.${f}`, [ALL, `{ verwerkingsactiviteiten { ${f} } }`, ['verwerkingsactiviteiten', '0', f]]])),
  'Query.verwerkingen': [FG, logboek('volgende'), ['verwerkingen', 'volgende']],
  'VerwerkingenPagina.volgende': [FG, logboek('volgende'), ['verwerkingen', 'volgende']],
  'VerwerkingenPagina.verwerkingen': [FG, logboek('verwerkingen { naam }'), ['verwerkingen', 'verwerkingen', '0', 'naam']],
  'VerwerkingenPagina.verwerkingen via Inwoner.verwerkingen': [INWONER, eigenLog('verwerkingen { naam }'), ['inwoner', 'verwerkingen', 'verwerkingen', '0', 'naam']],
  'Inwoner.verwerkingen': [INWONER, eigenLog('volgende'), ['inwoner', 'verwerkingen', 'volgende']],
  ...Object.fromEntries(LOG_VELDEN.map((f) => [`Verwerking.${f}`, [FG, logboek(`verwerkingen { ${f} }`), ['verwerkingen', 'verwerkingen', '0', f]]])),
  ...Object.fromEntries(LOG_VELDEN.map((f) => [`Verwerking.${f} via Inwoner.verwerkingen`, [INWONER, eigenLog(`verwerkingen { ${f} }`), ['inwoner', 'verwerkingen', 'verwerkingen', '0', f]]])),
  'Verwerking.organisatie': [FG, logboek('verwerkingen { organisatie { naam } }'), ['verwerkingen', 'verwerkingen', '0', 'organisatie']],
  'Verwerking.organisatie via Inwoner.verwerkingen': [INWONER, eigenLog('verwerkingen { organisatie { naam } }'), ['inwoner', 'verwerkingen', 'verwerkingen', '0', 'organisatie']],
  'Verwerking.verwerkingsactiviteit': [FG, logboek('verwerkingen { verwerkingsactiviteit { grondslag } }'), ['verwerkingen', 'verwerkingen', '0', 'verwerkingsactiviteit', 'grondslag']],
  'Verwerking.verwerkingsactiviteit via Inwoner.verwerkingen': [INWONER, eigenLog('verwerkingen { verwerkingsactiviteit { grondslag } }'), ['inwoner', 'verwerkingen', 'verwerkingen', '0', 'verwerkingsactiviteit', 'grondslag']],
  // Who the worker was: the fg only, never the resident.
  ...Object.fromEntries(FG_VELDEN.map((f) => [`Verwerking.${f}`, [FG, logboek(`verwerkingen { ${f} }`), ['verwerkingen', 'verwerkingen', '0', f]]])),
  ...Object.fromEntries(FG_VELDEN.map((f) => [`Verwerking.${f} via Inwoner.verwerkingen`, [[], eigenLog(`verwerkingen { ${f} }`), ['inwoner', 'verwerkingen', 'verwerkingen', '0', f]]])),
  'Query.verwerkersovereenkomsten': [OVEREENKOMST_LEZERS, '{ verwerkersovereenkomsten { id } }', ['verwerkersovereenkomsten', '0', 'id']],
  ...Object.fromEntries(['id', 'doel', 'ingangsdatum', 'einddatum'].map((f) => [`Verwerkersovereenkomst.${f}`, [OVEREENKOMST_LEZERS, `{ verwerkersovereenkomsten { ${f} } }`, ['verwerkersovereenkomsten', '0', f]]])),
  'Verwerkersovereenkomst.organisatie': [OVEREENKOMST_LEZERS, '{ verwerkersovereenkomsten { organisatie { naam } } }', ['verwerkersovereenkomsten', '0', 'organisatie', 'naam']],
  'Mutation.verwerkersovereenkomstVastleggen': [CONTRACTBEHEER, 'mutation { verwerkersovereenkomstVastleggen(organisatie: "nope", doel: ANONIEME_MAANDEXPORT, ingangsdatum: "2026-01-01") { id } }', [], 'mutation'],
  'Mutation.verwerkersovereenkomstBeeindigen': [CONTRACTBEHEER, 'mutation { verwerkersovereenkomstBeeindigen(id: "nope", einddatum: "2026-01-01") { id } }', [], 'mutation'],
  'Query.anoniemeMaandexport': [OVEREENKOMST, maandbestand('jaar'), ['anoniemeMaandexport', 'jaar']],
  ...Object.fromEntries(['jaar', 'maand', 'k', 'totaal', 'gegeneraliseerd', 'weggelaten'].map((f) => [`AnoniemeExport.${f}`, [OVEREENKOMST, maandbestand(f), ['anoniemeMaandexport', f]]])),
  'AnoniemeExport.regels': [OVEREENKOMST, maandbestand('regels { soort }'), ['anoniemeMaandexport', 'regels', '0', 'soort']],
  ...Object.fromEntries(['soort', 'omvang', 'startmaand', 'eindmaand', 'wijkOfGebied', 'niveau'].map((f) => [`AnoniemeRegel.${f}`, [OVEREENKOMST, maandbestand(`regels { ${f} }`), ['anoniemeMaandexport', 'regels', '0', f]]])),
  'Query.afhalingen': [AFHAAL, afhaal('id'), ['afhalingen', '0', 'id']],
  ...Object.fromEntries(['id', 'tijdstip', 'rol', 'soort', 'periode', 'sha256', 'bytes', 'traceId'].map((f) => [`Afhaling.${f}`, [AFHAAL, afhaal(f), ['afhalingen', '0', f]]])),
  'Afhaling.organisatie': [AFHAAL, afhaal('organisatie { id }'), ['afhalingen', '0', 'organisatie', 'id']],
  'Afhaling.gebruiker': [FG, afhaal('gebruiker'), ['afhalingen', '0', 'gebruiker']],
  'AnoniemeRegel.aanbieder': [OVEREENKOMST, maandbestand('regels { aanbieder { naam } }'), ['anoniemeMaandexport', 'regels', '0', 'aanbieder', 'naam']],
};

/** Each role acts for its dev organisation; the fixture gives each a relation with resident X. */
const ORGANISATIE = DEV_ORGANISATIE;

let stack: Stack;
let residentId: string;

beforeAll(async () => {
  // Suppression at 1: the anonymised file of 120 residents keeps rows to read.
  stack = await bootStack({ inwoners: 120, env: { SUPPRESSION_THRESHOLD: '1', SUPPRESSION_ROUNDING: '1' } });
  // Resident X gets one active relation in every pillar, so every relation role reaches it.
  const [x] = await stack.rows<{ id: string; wijk_code: string }>(sql`select id, wijk_code from basisondersteuning.inwoner order by id limit 1`);
  residentId = x!.id;
  const base = { gemeenteCode: 'GM0080', inwonerId: residentId, wijkCode: x!.wijk_code };
  await stack.database.db.insert(s.ondersteuning).values({ ...base, id: 'fx-ond', organisatieId: 'amaryllis', soort: 'TO1', startdatum: '2024-01-01' });
  await stack.database.db.insert(s.toewijzing).values({
    ...base, id: 'fx-tw', toewijzingNummer: '99000001', product: 'TO4', productcategorie: '02', organisatieId: 'windkracht058',
    status: 'gestart', leveringsvorm: 'ZIN', omvangVolume: 3, omvangEenheid: '04', omvangFrequentie: '2',
    toewijzingsdatum: '2024-01-01', ingangsdatum: '2024-02-01', begindatum: '2024-02-05',
  });
  // A verzoek and a stopped toewijzing of X (1999, before any seed date), for the WMO315 and WMO307 rows.
  const verzoek = { ...base, toewijzingNummer: '99000002', product: 'TO4', productcategorie: '02', organisatieId: 'windkracht058', leveringsvorm: 'ZIN',
    omvangVolume: 2, omvangEenheid: '04', omvangFrequentie: '2', toewijzingsdatum: '1999-01-04', ingangsdatum: '1999-02-01' };
  await stack.database.db.insert(s.toewijzing).values([
    { ...verzoek, id: 'fx-tw-verzoek', status: 'verzoek' },
    { ...verzoek, id: 'fx-tw-gestopt', toewijzingNummer: '99000003', status: 'gestopt', begindatum: '1999-02-01', stopdatum: '1999-06-30', redenBeeindiging: '19' },
  ]);
  await stack.database.execute(`delete from huishoudelijke_hulp.aanvraag where inwoner_id = '${residentId}';
    delete from huishoudelijke_hulp.indicatie where inwoner_id = '${residentId}';`);
  await stack.database.db.insert(s.indicatie).values({
    ...base, id: 'fx-hh', organisatieId: 'thfl', minutenPerWeek: 120, startdatum: '2024-01-01',
    berekening: { normjaar: 2024, huishoudgrootte: 1, regels: [], minutenPerWeek: 120, vakantieweken: [], vakantieMinutenPerWeek: 120, minutenPerJaar: 6240, looptijdMaanden: 36, looptijdReden: 'STANDAARD' },
  });
  // A herverdeling 2025 between THFL and Amaryllis, so every money role has one of its own.
  await stack.database.execute(`
    insert into financien.herverdeling (id, gemeente_code, jaar, van_lumpsum_id, naar_lumpsum_id, bedrag_centen, motivering, status, aangevraagd_door, besluit_motivering)
      select 'fx-hv', 'GM0080', 2025, v.id, n.id, 100, 'Test', 'TOEGEKEND', 'amaryllis', 'Test' from financien.lumpsum v, financien.lumpsum n
      where v.jaar = 2025 and v.organisatie_id = 'thfl' and n.jaar = 2025 and n.organisatie_id = 'amaryllis';
    insert into financien.herverdeling_gebeurtenis (id, gemeente_code, herverdeling_id, soort, organisatie_id, door, op) values ('fx-hvg', 'GM0080', 'fx-hv', 'AANGEVRAAGD', 'amaryllis', 'test', '2025-01-01T09:00:00Z');`);
  // The resident's helper at THFL, the aanvraag behind the indicatie, and a transfer report line about X.
  await stack.database.execute(`
    delete from huishoudelijke_hulp.koppeling where inwoner_id = '${residentId}';
    insert into huishoudelijke_hulp.koppeling (id, gemeente_code, inwoner_id, hulp_id, van) values ('fx-hhk', 'GM0080', '${residentId}', 'gm0080-hulp-thfl-1', '2024-01-01');
    insert into huishoudelijke_hulp.aanvraag (id, gemeente_code, inwoner_id, wijk_code, status, voorkeur_aanbieder_id, aanbieder_id, toewijzingsreden, indicatie_id, ingediend_op, ingediend_door, toegewezen_op)
      values ('fx-hha', 'GM0080', '${residentId}', '${x!.wijk_code}', 'AFGEHANDELD', 'thfl', 'thfl', 'KEUZE_INWONER', 'fx-hh', '2000-01-01T09:00:00Z', 'test', '2000-01-01T09:00:00Z');
    insert into huishoudelijke_hulp.overdracht (id, gemeente_code, soort, van_aanbieder_id, naar_aanbieder_id, per, door, op)
      values ('fx-ov', 'GM0080', 'PERSONEEL', 'miep', 'thfl', '2024-01-01', 'test', '2023-12-15T09:00:00Z');
    insert into huishoudelijke_hulp.overdracht_regel (id, gemeente_code, overdracht_id, inwoner_id, hulp_id, oude_indicatie_id, nieuwe_indicatie_id, naar_aanbieder_id, koppeling_behouden, reden)
      values ('fx-ovr', 'GM0080', 'fx-ov', '${residentId}', 'gm0080-hulp-thfl-1', 'fx-old', 'fx-hh', 'thfl', true, 'test');`);
  // A household plan with one goal, directed by a regievoerder of Amaryllis.
  await stack.database.execute(`
    insert into basisondersteuning.regievoerder (id, gemeente_code, organisatie_id, naam) values ('test-basis-medewerker', 'GM0080', 'amaryllis', 'Rie Regie');
    insert into basisondersteuning.plan (id, gemeente_code, huishouden_id, regievoerder_id, opgesteld_op)
      select 'fx-plan', 'GM0080', huishouden_id, 'test-basis-medewerker', '2024-01-01' from basisondersteuning.inwoner where id = '${residentId}'
      on conflict (huishouden_id) do update set regievoerder_id = excluded.regievoerder_id;
    insert into basisondersteuning.contactmoment (id, gemeente_code, inwoner_id, organisatie_id, soort, datum, medewerker)
      values ('fx-cm', 'GM0080', '${residentId}', 'amaryllis', 'INTAKE', '2024-01-01', 'test');
    insert into basisondersteuning.lopende_beschikking (id, gemeente_code, inwoner_id, organisatie_id, product, einddatum, perspectiefgesprek_uiterlijk)
      values ('fx-lb', 'GM0080', '${residentId}', 'amaryllis', 'TO2', '2099-12-31', '2000-01-01');
    insert into basisondersteuning.verwijzing (id, gemeente_code, inwoner_id, organisatie_id, product, criteria, toewijzing_id, door, op)
      values ('fx-vw', 'GM0080', '${residentId}', 'amaryllis', 'TO4', '{TO_EXPERTISE}', 'fx-tw', 'test', '2024-01-01T09:00:00Z');
    insert into basisondersteuning.beschikking_aanvraag (id, gemeente_code, inwoner_id, aangevraagd_op, aangevraagd_door)
      values ('fx-ba', 'GM0080', '${residentId}', '2024-01-01', 'test');
    insert into basisondersteuning.signaal (id, gemeente_code, inwoner_id, soort, stap, op, door)
      values ('fx-sg', 'GM0080', '${residentId}', 'VERWIJSINDEX', null, '2024-01-01', 'test');
    insert into basisondersteuning.doel (id, gemeente_code, plan_id, omschrijving, status)
      select 'fx-doel', 'GM0080', p.id, 'Dagstructuur behouden', 'OPEN' from basisondersteuning.plan p
      join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id where i.id = '${residentId}';`);
  // Consent to V-O-L, and a hulpvraag matched to the volunteer whose token the matrix uses.
  await stack.database.db.insert(s.toestemming).values({ gemeenteCode: 'GM0080', id: 'fx-ts', inwonerId: residentId, organisatieId: 'vol', doel: 'sociale-basis', gegevenOp: '2000-01-01T09:00:00Z', vastgelegdDoor: 'test' });
  await stack.database.db.insert(s.vrijwilliger).values({ gemeenteCode: 'GM0080', id: 'test-vrijwilliger', organisatieId: 'vol', voornaam: 'Vera', achternaam: 'Aardig', vaardigheden: ['maatje'], beschikbaarheid: 'ma-ochtend', actief: true });
  await stack.database.db.insert(s.hulpvraag).values({ ...base, id: 'fx-hv', soort: 'MAATJESTRAJECT', status: 'GEMATCHT', organisatieId: 'vol', vrijwilligerId: 'test-vrijwilliger', aangemaaktOp: '2000-01-01T10:00:00Z' });
  await stack.database.db.insert(s.hulpvraag).values({ ...base, id: 'fx-hv-op', inwonerId: null, soort: 'FORMULIEREN_INVULLEN', status: 'OPGESCHAALD', organisatieId: 'vol', aangemaaktOp: '2000-01-01T11:00:00Z' });
  await stack.database.db.insert(s.hulpvraagGebeurtenis).values([
    { gemeenteCode: 'GM0080', id: 'fx-e1', hulpvraagId: 'fx-hv', van: null, naar: 'OPEN', door: 'test', op: '2000-01-01T10:00:00Z' },
    { gemeenteCode: 'GM0080', id: 'fx-e2', hulpvraagId: 'fx-hv', van: 'OPEN', naar: 'GEMATCHT', door: 'test', op: '2000-01-02T10:00:00Z' },
  ]);
  // A processing log record about X, and processing agreements for the windkracht058 and thfl roles (Amaryllis has one from the seed).
  await stack.database.db.insert(s.verwerking).values({
    gemeenteCode: 'GM0080', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: 'c'.repeat(16), naam: 'query inwoner', dienst: 'basisondersteuning',
    soort: 'lezen', startTijd: '2024-01-01T09:00:00Z', eindTijd: '2024-01-01T09:00:01Z', statusCode: 1,
    verwerkingsactiviteit: activiteitUri('GM0080', 'toegang-en-regie'), doel: 'toegang-en-regie',
    betrokkene: pseudoniem(loadPseudonymKey(stack.config), residentId), betrokkeneType: BETROKKENE_TYPE,
    rol: 'basis-medewerker', organisatie: 'amaryllis', gebruiker: 'medewerker-1', velden: ['Inwoner.voornaam'], veldNiveaus: [4],
  });
  // A fetch in the afhaalregister, for its rows.
  await stack.database.db.insert(s.afhaling).values({
    gemeenteCode: 'GM0080', op: '2024-01-15T09:00:00Z', gebruiker: 'systeem-windkracht058', rol: 'aanbieder-medewerker', organisatie: 'windkracht058',
    soort: 'iwmo-wmo301', periode: '2024-01', sha256: 'e'.repeat(64), bytes: 100, traceId: 'd'.repeat(32),
  });
  await stack.database.db.insert(s.verwerkersovereenkomst).values(['windkracht058', 'thfl'].map((o) => ({
    id: `fx-vo-${o}`, gemeenteCode: 'GM0080', organisatieId: o, doel: 'anonieme-maandexport', ingangsdatum: '2024-01-01', vastgelegdDoor: 'test', vastgelegdOp: '2024-01-01T09:00:00Z',
  })));
  // One change of each of X's entities in the change feeds, readable once the feed's horizon passed it.
  await stack.database.db.transaction((tx) => registreerWijzigingen(tx, 'GM0080', [
    { entiteit: 'toewijzing', id: 'fx-tw', soort: 'GEWIJZIGD' }, { entiteit: 'hh-indicatie', id: 'fx-hh', soort: 'AANGEMAAKT' },
    { entiteit: 'hh-aanvraag', id: 'fx-hha', soort: 'BEEINDIGD' }, { entiteit: 'ondersteuning', id: 'fx-ond', soort: 'AANGEMAAKT' },
    { entiteit: 'hulpvraag', id: 'fx-hv', soort: 'GEWIJZIGD' },
  ]));
  await feedBijgewerkt(stack);
});
afterAll(() => stack?.stop());

function dig(data: unknown, path: string[]): { present: boolean; value: unknown } {
  let cur: any = data;
  for (const key of path) {
    if (cur === null || cur === undefined || !(key in Object(cur))) return { present: false, value: undefined };
    cur = cur[key];
  }
  return { present: true, value: cur };
}

describe('authorisation matrix', () => {
  it('has a row for every field of every subgraph', () => {
    const fields = new Set<string>();
    for (const module of Object.values(SUBGRAPH_MODULES)) {
      for (const f of policyTargets(buildGuardedSchema(module))) fields.add(f);
    }
    const covered = new Set(Object.keys(MATRIX).map((k) => k.split(' ')[0]!));
    expect([...covered].sort()).toEqual([...fields].sort());
  });

  /** Value types: every role may read their fields, the field that returns them decides who gets one. */
  const VALUE_TYPES = new Set(['Telling', 'Bedrag']);

  it('agrees with the declared policies: nobody reads what no policy grants, and every unconditional grant is observed', () => {
    const problems: string[] = [];
    for (const [key, [allowed, , , kind]] of Object.entries(MATRIX)) {
      const [type, field] = key.split(' ')[0]!.split('.') as [string, string];
      const owners = Object.values(SUBGRAPH_MODULES).filter((m) => m.policy.regels[type]?.[field]);
      const declared = (rol: Rol) => owners.map((m) => decide(m.policy, rol, type, field)).find((d) => d !== 'deny') ?? 'deny';
      for (const rol of ROLES) {
        const d = declared(rol);
        if (allowed.includes(rol) && d === 'deny') problems.push(`${key}: ${rol} reads it but no policy grants it`);
        // A mutation runs for every granted role; 'allow' on a field holds on every row. Rows
        // behind 'relation' may be out of the fixture's reach (a second path covers them).
        if (!key.includes(' via ') && !VALUE_TYPES.has(type) && !allowed.includes(rol) && (d === 'allow' || (kind === 'mutation' && d !== 'deny'))) {
          problems.push(`${key}: the policy grants ${rol} (${d}) but the matrix denies it`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every role exactly the fields of its row, through the gateway', async () => {
    // partner-systeem runs registered operations only: its queries go, by documentId, to a
    // second gateway over the same subgraphs whose manifest registers every matrix query.
    const partnerQueries = [...new Set(Object.values(MATRIX).map(([, query]) => query.replaceAll(X, residentId)))];
    const partnerGateway = await createGateway({
      ...gatewayOptions(stack.config, createLogger('test', 'silent'), stack.platform.subgraphUrls),
      trustedDocuments: {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: partnerQueries.map((body, i) => ({
          id: documentHash(body), name: `matrix${i}`, type: body.trimStart().startsWith('mutation') ? 'mutation' : 'query',
          body, geregistreerdDoor: 'test', geregistreerdOp: '2026-01-01', doel: 'authorisation matrix',
        })),
      },
    });
    const partnerUrl = `http://127.0.0.1:${await listen(partnerGateway.server, 0, '127.0.0.1')}/graphql`;
    const ask = (rol: Rol, query: string) =>
      rol === 'partner-systeem'
        ? stack.post(partnerUrl, { documentId: `sha256:${documentHash(query)}` }, { authorization: `Bearer ${tokens.get(rol)!}` })
        : stack.query(query, { token: tokens.get(rol)! });
    const tokens = new Map<Rol, string>();
    for (const rol of ROLES) {
      tokens.set(rol, await stack.token({ rol, organisatie: ORGANISATIE[rol], sub: rol === 'inwoner' ? residentId : undefined }));
    }
    const mismatches: string[] = [];
    const cases = Object.entries(MATRIX).flatMap(([field, [allowed, query, path, kind]]) =>
      ROLES.map((rol) => ({ field, rol, allowed: allowed.includes(rol), query: query.replaceAll(X, residentId), path, mutation: kind === 'mutation' })));
    for (let i = 0; i < cases.length; i += 16) {
      await Promise.all(cases.slice(i, i + 16).map(async (c) => {
        const res = await ask(c.rol, c.query);
        const errors = res.body.errors ?? [];
        const value = dig(res.body.data, c.path);
        const forbidden = errors.length > 0 && errors.every((e) => e.extensions?.code === 'FORBIDDEN');
        if (c.mutation) {
          // Allowed: the resolver ran and refused the dummy input; denied: FORBIDDEN.
          const ran = errors.length > 0 && errors.every((e) => ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT'].includes(e.extensions?.code));
          if (c.allowed !== ran || (!c.allowed && !forbidden)) {
            mismatches.push(`${c.rol} ${c.allowed ? 'should' : 'must not'} run ${c.field}: ${errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
          }
          return;
        }
        if (c.allowed && (errors.length > 0 || !value.present)) {
          mismatches.push(`${c.rol} should read ${c.field}: ${errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ') || 'value missing'}`);
        }
        // Denied: no value, and no error other than FORBIDDEN (either the field is refused,
        // or the relation rule in SQL filtered every row away).
        const onlyForbidden = errors.every((e) => e.extensions?.code === 'FORBIDDEN');
        if (!c.allowed && !(onlyForbidden && (value.value === null || value.value === undefined))) {
          mismatches.push(`${c.rol} must not read ${c.field}: got ${JSON.stringify(value.value)} ${errors.map((e) => e.extensions?.code).join(',')}`);
        }
      }));
    }
    await closeServer(partnerGateway.server);
    await partnerGateway.stop();
    expect(mismatches).toEqual([]);
    // Every personal field read through the whole matrix found its resident for the processing log.
    expect([...onbekendeVelden]).toEqual([]);
  }, 240_000);
});
