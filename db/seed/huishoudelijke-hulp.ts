/**
 * Seed data of huishoudelijke hulp beyond the indicaties themselves: the normtabel per
 * year, berekeningen for indicaties under the normering, helpers and their pairs with
 * clients, capacity per provider, aanvragen in every state of the joint intake, and the
 * 8 clients of a provider that stopped (shared/domain.md). Own PRNG stream, so the
 * residents generated before it do not shift.
 */
import { bereken, einddatumNa, leeftijdOp, VOORBEELD_NORMREGELS, voorbeeldNormjaar, type Mate, type Normregel } from '../../subgraphs/huishoudelijke-hulp/normering';
import type { GemeenteRef } from './reference';
import { DAY, dateBetween, isoDate, prng, type Prng } from './random';

/** Indicaties starting from this date were computed with the normering; older ones are legacy. */
export const NORMERING_VANAF = '2024-01-01';
export const NORMJAREN = [2021, 2022, 2023, 2024, 2025, 2026, 2027];
/** Documents: 8 clients of providers that did not respond must be placed. */
export const CLIENTEN_GESTOPTE_AANBIEDER = 8;
const CLIENTEN_PER_HULP = 20;

type Row = Record<string, unknown>;

function normregels(jaar: number): Normregel[] {
  // Versioned per year: from 2026 heavy cleaning got five more minutes (illustrative).
  return VOORBEELD_NORMREGELS.map((r) => (r.activiteit === 'ZWAAR_POETSEN' && jaar >= 2026 ? { ...r, minutenPerWeek: r.minutenPerWeek + 5 } : r));
}

function taken(r: Prng): Array<{ activiteit: string; mate: Mate }> {
  const out: Array<{ activiteit: string; mate: Mate }> = [{ activiteit: 'ZWAAR_POETSEN', mate: r.chance(0.7) ? 'VOLLEDIG' : 'GEDEELTELIJK' }];
  for (const activiteit of ['LICHT_POETSEN', 'BEDDEN_VERSCHONEN', 'WASVERZORGING', 'BOODSCHAPPEN', 'MAALTIJD_BEREIDEN']) {
    if (r.chance(activiteit === 'LICHT_POETSEN' ? 0.6 : 0.3)) out.push({ activiteit, mate: r.chance(0.5) ? 'VOLLEDIG' : 'GEDEELTELIJK' });
  }
  return out;
}

export function huishoudelijkeHulpData(
  ref: GemeenteRef,
  aantal: number,
  inwoners: Row[],
  indicaties: Row[],
  org: (slug: string) => string,
) {
  const g = ref.code;
  const lc = g.toLowerCase();
  const r = prng(Number(g.slice(2)) * 15485863 + aantal);
  const stamp = { gewijzigdDoor: 'seed', gewijzigdOp: '2020-12-01T09:00:00.000Z' };

  const normjaren = NORMJAREN.map((jaar) => ({ gemeenteCode: g, ...voorbeeldNormjaar(jaar), ...stamp }));
  const regels = NORMJAREN.flatMap((jaar) => normregels(jaar).map((n) => ({ id: `${lc}-hhn-${jaar}-${n.activiteit.toLowerCase()}`, gemeenteCode: g, jaar, ...n, ...stamp })));

  const byId = new Map(inwoners.map((i) => [i.id as string, i]));
  const grootte = new Map<string, number>();
  for (const i of inwoners) grootte.set(i.huishoudenId as string, (grootte.get(i.huishoudenId as string) ?? 0) + 1);

  // The clients of the provider that stopped: residents without household help yet.
  const gestopt = ref.organisaties.find((o) => o.soort === 'HH_AANBIEDER' && o.contractTot);
  if (gestopt) {
    const metHh = new Set(indicaties.map((i) => i.inwonerId as string));
    const zonder = inwoners.filter((i) => !metHh.has(i.id as string));
    for (let k = 0; k < CLIENTEN_GESTOPTE_AANBIEDER && zonder.length > 0; k++) {
      const i = zonder.splice(r.int(0, zonder.length - 1), 1)[0]!;
      indicaties.push({
        id: `${lc}-hh-ind-${indicaties.length + 1}`, gemeenteCode: g, inwonerId: i.id, wijkCode: i.wijkCode, organisatieId: org(gestopt.slug),
        minutenPerWeek: r.int(4, 12) * 15, startdatum: dateBetween(r, '2019-01-01', '2020-12-31'), einddatum: null,
      });
    }
  }

  // Indicaties under the normering get their berekening (the minutes follow from it).
  for (const ind of indicaties) {
    ind.berekening = null;
    ind.voortzettingVan = null;
    if ((ind.startdatum as string) < NORMERING_VANAF) continue;
    const resident = byId.get(ind.inwonerId as string)!;
    const jaar = Number((ind.startdatum as string).slice(0, 4));
    const berekening = bereken(voorbeeldNormjaar(jaar), normregels(jaar), {
      huishoudgrootte: Math.min(grootte.get(resident.huishoudenId as string) ?? 1, 12),
      taken: taken(r),
      leeftijd: leeftijdOp(resident.geboortedatum as string, ind.startdatum as string),
      chronischZiek: r.chance(0.2),
    });
    ind.berekening = berekening;
    ind.minutenPerWeek = berekening.minutenPerWeek;
    ind.einddatum ??= einddatumNa(ind.startdatum as string, berekening.looptijdMaanden);
  }

  // Helpers: about one per 20 active clients at each provider, every active client paired.
  const hulpen: Row[] = [];
  const koppelingen: Row[] = [];
  const actief = indicaties.filter((i) => i.einddatum === null || (i.einddatum as string) >= '2026-01-01');
  for (const o of ref.organisaties.filter((x) => x.soort === 'HH_AANBIEDER')) {
    const id = org(o.slug);
    const clients = actief.filter((i) => i.organisatieId === id);
    const eigen = Array.from({ length: Math.max(1, Math.ceil(clients.length / CLIENTEN_PER_HULP)) }, (_, k) => `${lc}-hulp-${o.slug}-${k + 1}`);
    hulpen.push(...eigen.map((h) => ({ id: h, gemeenteCode: g, organisatieId: id })));
    for (const c of clients) {
      // An active pair has tot = null; once the indicatie ends the pair is ignored (transfers
      // and vasteHulp look only at indicaties that have not ended).
      koppelingen.push({ id: `${lc}-hhk-${koppelingen.length + 1}`, gemeenteCode: g, inwonerId: c.inwonerId, hulpId: r.pick(eigen), van: c.startdatum, tot: null });
    }
  }

  // The joint intake: an aanvraag behind every indicatie under the normering (AFGEHANDELD), and
  // open or withdrawn ones of residents without household help.
  const aanvragen: Row[] = [];
  const aanvraag = (values: Row) => aanvragen.push({ id: `${lc}-hha-${aanvragen.length + 1}`, gemeenteCode: g, ingediendDoor: 'seed', voorkeurAanbiederId: null, aanbiederId: null, toewijzingsreden: null, indicatieId: null, toegewezenOp: null, ...values });
  const contracted = ref.organisaties.filter((o) => o.soort === 'HH_AANBIEDER' && !o.contractTot).map((o) => org(o.slug));
  for (const ind of indicaties) {
    if (!ind.berekening) continue;
    const op = `${isoDate(Date.parse(ind.startdatum as string) - r.int(7, 60) * DAY)}T10:00:00.000Z`;
    // Seeded residents had no earlier indicatie: assigned by their choice or by capacity.
    const reden = r.pick(['KEUZE_INWONER', 'CAPACITEIT', 'CAPACITEIT']);
    aanvraag({
      inwonerId: ind.inwonerId, wijkCode: ind.wijkCode, status: 'AFGEHANDELD', aanbiederId: ind.organisatieId, toewijzingsreden: reden,
      voorkeurAanbiederId: reden === 'KEUZE_INWONER' ? ind.organisatieId : null, indicatieId: ind.id, ingediendOp: op, toegewezenOp: op,
    });
  }
  const metHh = new Set(indicaties.map((i) => i.inwonerId as string));
  for (const i of inwoners) {
    if (metHh.has(i.id as string) || !r.chance(0.01) || contracted.length === 0) continue;
    const status = r.pick(['TOEGEWEZEN', 'TOEGEWEZEN', 'WACHTRIJ', 'INGETROKKEN']);
    const op = `${dateBetween(r, '2026-09-01', '2026-11-15')}T${String(r.int(8, 16)).padStart(2, '0')}:00:00.000Z`;
    const aanbieder = status === 'WACHTRIJ' ? null : r.pick(contracted);
    aanvraag({
      inwonerId: i.id, wijkCode: i.wijkCode, status, aanbiederId: aanbieder, toewijzingsreden: aanbieder ? 'CAPACITEIT' : null,
      toegewezenOp: aanbieder ? op : null, ingediendOp: op,
    });
  }

  // Capacity: room for about 5% more clients than a provider has (active plus assigned).
  const capaciteit = contracted.map((id) => {
    const bezet = new Set(actief.filter((i) => i.organisatieId === id).map((i) => i.inwonerId)).size
      + aanvragen.filter((a) => a.aanbiederId === id && a.status === 'TOEGEWEZEN').length;
    return { gemeenteCode: g, organisatieId: id, maxClienten: Math.ceil(bezet * 1.05) + 10 };
  });

  return { normjaren, regels, hulpen, koppelingen, aanvragen, capaciteit };
}
