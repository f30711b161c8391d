/**
 * The figure sets of the CSV export (GET /export/<naam>.csv): one entry per set, nothing
 * else. The export computes no figure and suppresses nothing itself: it runs the entry's
 * fixed GraphQL operation through the gateway, as the caller (same token, same role, same
 * suppression as /graphql), and only turns the answer into rows.
 *
 * Adding a figure set is adding one entry to FIGUURSETS below:
 * - `operatie`: the GraphQL document (one operation). Ask for `{ waarde onderdrukt }` of
 *   every Telling and `{ id naam }` of an Organisatie or `{ code naam }` of a Wijk.
 * - `parameters`: the URL query parameters. Each becomes the operation variable of the same
 *   name (so name them as the GraphQL arguments): `datum` (yyyy-mm-dd), `getal` (integer) or
 *   `keuze` (one of `waarden`, an enum). A parameter that is not `verplicht` and not given is
 *   left out, so the argument's GraphQL default applies (`standaard` documents it). Unknown
 *   parameters are refused. The checks of meaning (tot after van, at most 120 periods, a
 *   quarter 1-4) stay in the subgraphs; their BAD_USER_INPUT becomes a 400.
 * - `periode`: the first and last day the file covers, for its name `<naam>-<van>-<tot>.csv`.
 * - `kolommen`: the columns in order, snake_case Dutch names with a description (GET /export
 *   lists them). A Telling takes two: `telling('klachten', …)` gives `klachten` and
 *   `klachten_onderdrukt`.
 * - `regels`: a generator from the operation's `data` to rows, objects keyed by column name.
 *   Use `tel(naam, telling)` for a Telling (value empty and `<naam>_onderdrukt` true when
 *   suppressed), `TOTAAL` for the null organisation or wijk of a totals row, and leave a key
 *   out for a cell that does not apply (empty, also its `_onderdrukt`).
 * Then add the set to the README table ("CSV-export voor BI"); the integration test
 * (test/integration/csv-export.test.ts) runs every entry of this registry.
 */
import type { Cell } from './csv';

export interface Parameter {
  naam: string;
  type: 'datum' | 'getal' | 'keuze';
  /** The allowed values of a `keuze`. */
  waarden?: readonly string[];
  verplicht: boolean;
  /** The GraphQL default when the parameter is left out (documentation only). */
  standaard?: string | number;
  omschrijving: string;
}

export interface Kolom {
  naam: string;
  omschrijving: string;
}

export type Variabelen = Record<string, string | number>;
export type Regel = Record<string, Cell>;

export interface Figuurset<D = any> {
  omschrijving: string;
  operatie: string;
  parameters: readonly Parameter[];
  periode: (v: Variabelen) => readonly [van: string, tot: string];
  kolommen: readonly Kolom[];
  regels: (data: D) => Iterable<Regel>;
}

/** The label of the null organisation or wijk in a totals row. */
export const TOTAAL = 'totaal';

type Telling = { waarde: number | null; onderdrukt: boolean };

/** The two columns of a Telling: its value (empty when suppressed) and `<naam>_onderdrukt`. */
export function telling(naam: string, omschrijving: string): Kolom[] {
  return [
    { naam, omschrijving: `${omschrijving} Leeg als onderdrukt.` },
    { naam: `${naam}_onderdrukt`, omschrijving: `true als ${naam} onderdrukt is (kleine aantallen), anders false.` },
  ];
}

/** The cells of a Telling; none when it does not apply. */
export function tel(naam: string, t: Telling | null | undefined): Regel {
  return t ? { [naam]: t.waarde, [`${naam}_onderdrukt`]: t.onderdrukt } : {};
}

const TIJDVAKKEN = ['MAAND', 'KWARTAAL', 'JAAR'] as const;
const van: Parameter = { naam: 'van', type: 'datum', verplicht: true, omschrijving: 'Eerste dag (yyyy-mm-dd).' };
const tot: Parameter = { naam: 'tot', type: 'datum', verplicht: true, omschrijving: 'Laatste dag (yyyy-mm-dd).' };
const per: Parameter = {
  naam: 'per', type: 'keuze', waarden: TIJDVAKKEN, verplicht: true,
  omschrijving: 'Lengte van de perioden: één regel(groep) per kalendermaand, -kwartaal of -jaar die [van, tot] raakt.',
};
const vanTot = (v: Variabelen) => [String(v.van), String(v.tot)] as const;
const periodeKolommen: Kolom[] = [
  { naam: 'periode', omschrijving: 'Label van de periode: 2025-03, 2025-Q1 of 2025.' },
  { naam: 'van', omschrijving: 'Eerste dag van de periode.' },
  { naam: 'tot', omschrijving: 'Laatste dag van de periode.' },
];
const organisatieKolommen: Kolom[] = [
  { naam: 'organisatie_id', omschrijving: `Id van de organisatie; ${TOTAAL} in een totaalregel.` },
  { naam: 'organisatie_naam', omschrijving: `Naam van de organisatie; ${TOTAAL} in een totaalregel.` },
];
const organisatie = (o: { id: string; naam: string } | null): Regel =>
  ({ organisatie_id: o?.id ?? TOTAAL, organisatie_naam: o?.naam ?? TOTAAL });

const T = '{ waarde onderdrukt }';
const ROUTES = ['AANBIEDER', 'KLACHTENFUNCTIONARIS', 'EXTERNE_COMMISSIE'];
const STATUSSEN = ['INGEDIEND', 'IN_BEHANDELING', 'AFGEHANDELD', 'INGETROKKEN'];
const klein = (code: string) => code.toLowerCase();

type KwaliteitRegel = {
  organisatie: { id: string; naam: string } | null; eigenOrganisatie: boolean; klachten: Telling;
  perRoute: Array<{ route: string; klachten: Telling }>; perStatus: Array<{ status: string; klachten: Telling }>;
  afgehandeld: Telling; mediaanAfhandeldagen: number | null; bovenNorm: Telling; respondenten: Telling; gemiddeldeScore: number | null;
  clientervaring: Array<{ product: string; respondenten: Telling; gemiddeldeScore: number | null }>;
};
type KwaliteitData = { kwaliteitReeks: Array<{ label: string; van: string; tot: string; kwaliteit: { aanbieders: KwaliteitRegel[]; gemeente: KwaliteitRegel; bezwaren: Telling } }> };

function* kwaliteitRegels(data: KwaliteitData, regel: (p: { periode: string; van: string; tot: string }, r: KwaliteitRegel, bezwaren: Telling | null) => Iterable<Regel>) {
  for (const p of data.kwaliteitReeks) {
    const periode = { periode: p.label, van: p.van, tot: p.tot };
    for (const r of p.kwaliteit.aanbieders) yield* regel(periode, r, null);
    yield* regel(periode, p.kwaliteit.gemeente, p.kwaliteit.bezwaren);
  }
}

const kwaliteit: Figuurset<KwaliteitData> = {
  omschrijving: 'Kwaliteit (kwaliteitskader): klachten, afhandeltermijn, cliëntervaring en bezwaren per periode; één regel per aanbieder en één gemeentetotaal.',
  operatie: `query ExportKwaliteit($van: Datum!, $tot: Datum!, $per: Tijdvak!) { kwaliteitReeks(van: $van, tot: $tot, per: $per) {
    label van tot kwaliteit { aanbieders { ...regel } gemeente { ...regel } bezwaren ${T} } } }
    fragment regel on KwaliteitRegel { organisatie { id naam } eigenOrganisatie klachten ${T} perRoute { route klachten ${T} }
      perStatus { status klachten ${T} } afgehandeld ${T} mediaanAfhandeldagen bovenNorm ${T} respondenten ${T} gemiddeldeScore }`,
  parameters: [van, tot, per],
  periode: vanTot,
  kolommen: [
    ...periodeKolommen,
    ...organisatieKolommen,
    { naam: 'eigen_organisatie', omschrijving: 'true voor de eigen organisatie van een aanbieder: die regel is exact (niet onderdrukt of afgerond).' },
    ...telling('klachten', 'Klachten ingediend in de periode.'),
    ...ROUTES.flatMap((r) => telling(`klachten_route_${klein(r)}`, `Klachten langs route ${r}.`)),
    ...STATUSSEN.flatMap((s) => telling(`klachten_status_${klein(s)}`, `Klachten met huidige status ${s}.`)),
    ...telling('afgehandeld', 'Klachten afgehandeld in de periode.'),
    { naam: 'mediaan_afhandeldagen', omschrijving: 'Mediaan van de afhandeltermijn in dagen; leeg onder de drempel of als afgehandeld onderdrukt is.' },
    ...telling('boven_norm', 'Afgehandelde klachten boven de norm van 42 dagen.'),
    ...telling('respondenten', 'Respondenten van de cliëntervaringsenquête.'),
    { naam: 'gemiddelde_score', omschrijving: 'Gemiddelde score 1-10; leeg onder de drempel of als respondenten onderdrukt is.' },
    ...telling('bezwaren', `Bezwaren tegen beschikkingen, alleen in de gemeenteregel (organisatie ${TOTAAL}); elders leeg, ook bezwaren_onderdrukt.`),
  ],
  regels: (data) => kwaliteitRegels(data, (periode, r, bezwaren) => [{
    ...periode,
    ...organisatie(r.organisatie),
    eigen_organisatie: r.eigenOrganisatie,
    ...tel('klachten', r.klachten),
    ...Object.assign({}, ...ROUTES.map((route) => tel(`klachten_route_${klein(route)}`, r.perRoute.find((x) => x.route === route)?.klachten))),
    ...Object.assign({}, ...STATUSSEN.map((s) => tel(`klachten_status_${klein(s)}`, r.perStatus.find((x) => x.status === s)?.klachten))),
    ...tel('afgehandeld', r.afgehandeld),
    mediaan_afhandeldagen: r.mediaanAfhandeldagen,
    ...tel('boven_norm', r.bovenNorm),
    ...tel('respondenten', r.respondenten),
    gemiddelde_score: r.gemiddeldeScore,
    ...tel('bezwaren', bezwaren),
  }]),
};

const kwaliteitClientervaring: Figuurset<KwaliteitData> = {
  omschrijving: 'Cliëntervaring per aanbieder en product per periode (enquêtekwartalen die in de periode beginnen), en per product over de gemeente.',
  operatie: `query ExportClientervaring($van: Datum!, $tot: Datum!, $per: Tijdvak!) { kwaliteitReeks(van: $van, tot: $tot, per: $per) {
    label van tot kwaliteit { aanbieders { ...regel } gemeente { ...regel } } } }
    fragment regel on KwaliteitRegel { organisatie { id naam } eigenOrganisatie clientervaring { product respondenten ${T} gemiddeldeScore } }`,
  parameters: [van, tot, per],
  periode: vanTot,
  kolommen: [
    ...periodeKolommen,
    ...organisatieKolommen,
    { naam: 'eigen_organisatie', omschrijving: 'true voor de eigen organisatie van een aanbieder (exact).' },
    { naam: 'product', omschrijving: 'Product of voorziening, bijv. TO2, DB1 of HH.' },
    ...telling('respondenten', 'Respondenten.'),
    { naam: 'gemiddelde_score', omschrijving: 'Gemiddelde score 1-10; leeg onder de drempel of als respondenten onderdrukt is.' },
  ],
  regels: (data) => kwaliteitRegels(data, (periode, r) => r.clientervaring.map((c) => ({
    ...periode,
    ...organisatie(r.organisatie),
    eigen_organisatie: r.eigenOrganisatie,
    product: c.product,
    ...tel('respondenten', c.respondenten),
    gemiddelde_score: c.gemiddeldeScore,
  }))),
};

type Verschuiving = { groep: string; inBasis: Telling; inAanvullend: Telling; aandeelBasisProcent: number | null; verwachtAandeelBasisProcent: number };
type KlantstromenData = { klantstromen: Array<{
  periode: string; van: string; tot: string; instroom: Telling; uitstroom: Telling; doorstroomNaarAanvullend: Telling; doorstroomNaarBasis: Telling;
  verschuiving: Verschuiving[]; uitstroomPerReden: Array<{ code: string | null; omschrijving: string; aantal: Telling }>;
}> };
const GROEPEN = ['TO', 'DB'];

const klantstromen: Figuurset<KlantstromenData> = {
  omschrijving: 'Klantstromen van de aanvullende ondersteuning: één regel per periode met instroom, uitstroom, doorstroom en de verschuiving basis/aanvullend per productgroep.',
  operatie: `query ExportKlantstromen($van: Datum!, $tot: Datum!, $per: Tijdvak!) { klantstromen(van: $van, tot: $tot, per: $per) {
    periode van tot instroom ${T} uitstroom ${T} doorstroomNaarAanvullend ${T} doorstroomNaarBasis ${T}
    verschuiving { groep inBasis ${T} inAanvullend ${T} aandeelBasisProcent verwachtAandeelBasisProcent } } }`,
  parameters: [van, tot, per],
  periode: vanTot,
  kolommen: [
    ...periodeKolommen,
    ...telling('instroom', 'Toewijzingen met een begindatum (startbericht) in de periode.'),
    ...telling('uitstroom', 'Toewijzingen met een stopdatum (stopbericht) in de periode.'),
    ...telling('doorstroom_naar_aanvullend', 'Verwijzingen van de basisondersteuning in de periode.'),
    ...telling('doorstroom_naar_basis', 'Toewijzingen gestopt in de periode, gevolgd binnen 90 dagen door structurele basisondersteuning.'),
    ...GROEPEN.flatMap((g) => [
      ...telling(`${klein(g)}_in_basis`, `Inwoners met lopende basisondersteuning ${g} op de laatste dag.`),
      ...telling(`${klein(g)}_in_aanvullend`, `Inwoners met een lopende toewijzing ${g} op de laatste dag.`),
      { naam: `${klein(g)}_aandeel_basis_procent`, omschrijving: `Aandeel ${g} in de basis (procent); leeg als een van beide onderdrukt is.` },
      { naam: `${klein(g)}_verwacht_aandeel_basis_procent`, omschrijving: `Verwacht aandeel ${g} in de basis volgens het uitvoeringsplan.` },
    ]),
  ],
  *regels(data) {
    for (const p of data.klantstromen) {
      const regel: Regel = {
        periode: p.periode, van: p.van, tot: p.tot,
        ...tel('instroom', p.instroom),
        ...tel('uitstroom', p.uitstroom),
        ...tel('doorstroom_naar_aanvullend', p.doorstroomNaarAanvullend),
        ...tel('doorstroom_naar_basis', p.doorstroomNaarBasis),
      };
      for (const v of p.verschuiving) {
        const g = klein(v.groep);
        Object.assign(regel, tel(`${g}_in_basis`, v.inBasis), tel(`${g}_in_aanvullend`, v.inAanvullend), {
          [`${g}_aandeel_basis_procent`]: v.aandeelBasisProcent,
          [`${g}_verwacht_aandeel_basis_procent`]: v.verwachtAandeelBasisProcent,
        });
      }
      yield regel;
    }
  },
};

const klantstromenUitstroom: Figuurset<KlantstromenData> = {
  omschrijving: 'Uitstroom uit de aanvullende ondersteuning per periode en reden beëindiging (WMO588); alleen redenen die in de periode voorkomen.',
  operatie: `query ExportUitstroom($van: Datum!, $tot: Datum!, $per: Tijdvak!) { klantstromen(van: $van, tot: $tot, per: $per) {
    periode van tot uitstroomPerReden { code omschrijving aantal ${T} } } }`,
  parameters: [van, tot, per],
  periode: vanTot,
  kolommen: [
    ...periodeKolommen,
    { naam: 'reden_code', omschrijving: 'iWmo-code reden beëindiging (WMO588); leeg als die ontbreekt.' },
    { naam: 'reden_omschrijving', omschrijving: 'Omschrijving van de reden.' },
    ...telling('aantal', 'Toewijzingen gestopt met deze reden.'),
  ],
  *regels(data) {
    for (const p of data.klantstromen) {
      for (const r of p.uitstroomPerReden) {
        yield { periode: p.periode, van: p.van, tot: p.tot, reden_code: r.code, reden_omschrijving: r.omschrijving, ...tel('aantal', r.aantal) };
      }
    }
  },
};

type LandschapData = { aanbiederslandschap: Array<{ wijk: { code: string; naam: string } | null; organisatie: { id: string; naam: string } | null; rol: string | null; clienten: Telling }> };

const aanbiederslandschap: Figuurset<LandschapData> = {
  omschrijving: 'Aanbiederslandschap van een kwartaal: cliënten per wijk en leverende organisatie, dan de totalen per organisatie, per wijk en het eindtotaal.',
  operatie: `query ExportAanbiederslandschap($jaar: Int!, $kwartaal: Int!) { aanbiederslandschap(jaar: $jaar, kwartaal: $kwartaal) {
    wijk { code naam } organisatie { id naam } rol clienten ${T} } }`,
  parameters: [
    { naam: 'jaar', type: 'getal', verplicht: true, omschrijving: 'Kalenderjaar, bijv. 2025.' },
    { naam: 'kwartaal', type: 'getal', verplicht: true, omschrijving: 'Kwartaal 1 tot en met 4.' },
  ],
  periode: (v) => {
    const jaar = String(v.jaar).padStart(4, '0');
    const kwartaal = Number(v.kwartaal);
    const eind = new Date(Date.UTC(Number(v.jaar), kwartaal * 3, 0)).getUTCDate();
    const maand = (m: number) => String(m).padStart(2, '0');
    return [`${jaar}-${maand(kwartaal * 3 - 2)}-01`, `${jaar}-${maand(kwartaal * 3)}-${eind}`];
  },
  kolommen: [
    { naam: 'wijk_code', omschrijving: `CBS-wijkcode; ${TOTAAL} in een totaal over alle wijken.` },
    { naam: 'wijk_naam', omschrijving: `Naam van de wijk; ${TOTAAL} in een totaal over alle wijken.` },
    ...organisatieKolommen,
    { naam: 'rol', omschrijving: 'HOOFDAANBIEDER of ONDERAANNEMER; leeg in een totaal over alle organisaties.' },
    ...telling('clienten', 'Cliënten in zorg op een dag van het kwartaal (exact voor de eigen organisatie van een aanbieder).'),
  ],
  *regels(data) {
    for (const r of data.aanbiederslandschap) {
      yield { wijk_code: r.wijk?.code ?? TOTAAL, wijk_naam: r.wijk?.naam ?? TOTAAL, ...organisatie(r.organisatie), rol: r.rol, ...tel('clienten', r.clienten) };
    }
  },
};

type OmvangData = { omvangPerProduct: Array<{ product: string; eenheid: string; frequentie: string; organisatie: { id: string; naam: string } | null; clienten: Telling; volume: number | null }> };

const omvangPerProduct: Figuurset<OmvangData> = {
  omschrijving: 'Omvang per product, eenheid en frequentie en per leverende organisatie, met per product een totaalregel, voor toewijzingen in zorg in [van, tot].',
  operatie: `query ExportOmvang($van: Datum!, $tot: Datum!) { omvangPerProduct(van: $van, tot: $tot) {
    product eenheid frequentie organisatie { id naam } clienten ${T} volume } }`,
  parameters: [van, tot],
  periode: vanTot,
  kolommen: [
    { naam: 'product', omschrijving: 'Het product van de toewijzingen.' },
    { naam: 'eenheid', omschrijving: 'iWmo-code eenheid (WJ756), bijv. 04 uur.' },
    { naam: 'frequentie', omschrijving: 'iWmo-code frequentie (WMO757), bijv. 2 per week.' },
    ...organisatieKolommen,
    ...telling('clienten', 'Cliënten (exact voor de eigen organisatie van een aanbieder).'),
    { naam: 'volume', omschrijving: 'Som van het volume in eenheid per frequentie; leeg als clienten onderdrukt is.' },
  ],
  *regels(data) {
    for (const r of data.omvangPerProduct) {
      yield { product: r.product, eenheid: r.eenheid, frequentie: r.frequentie, ...organisatie(r.organisatie), ...tel('clienten', r.clienten), volume: r.volume };
    }
  },
};

type WachttijdData = { wachttijden: Array<{ groep: string; gestart: Telling; mediaanDagen: number | null; p90Dagen: number | null; bovenNorm: Telling; openBovenNorm: Telling }> };

const wachttijden: Figuurset<WachttijdData> = {
  omschrijving: 'Wachttijd van toewijzing tot startbericht voor toewijzingen met een toewijzingsdatum in [van, tot], per product, leverende aanbieder of wijk.',
  operatie: `query ExportWachttijden($van: Datum!, $tot: Datum!, $per: WachttijdPer!, $normDagen: Int) {
    wachttijden(van: $van, tot: $tot, per: $per, normDagen: $normDagen) { groep gestart ${T} mediaanDagen p90Dagen bovenNorm ${T} openBovenNorm ${T} } }`,
  parameters: [
    van,
    tot,
    { naam: 'per', type: 'keuze', waarden: ['PRODUCT', 'AANBIEDER', 'WIJK'], verplicht: true, omschrijving: 'Groepering: per product, leverende aanbieder of wijk.' },
    { naam: 'normDagen', type: 'getal', verplicht: false, standaard: 28, omschrijving: 'Norm in dagen (1-365).' },
  ],
  periode: vanTot,
  kolommen: [
    { naam: 'groep', omschrijving: 'Productcode, organisatie-id of wijkcode.' },
    ...telling('gestart', 'Gestarte toewijzingen in de groep.'),
    { naam: 'mediaan_dagen', omschrijving: 'Mediane wachttijd in dagen; leeg als gestart onderdrukt is.' },
    { naam: 'p90_dagen', omschrijving: '90e percentiel van de wachttijd in dagen; leeg als gestart onderdrukt is.' },
    ...telling('boven_norm', 'Gestart na meer dan normDagen.'),
    ...telling('open_boven_norm', 'Toegewezen, nog niet gestart en al meer dan normDagen na de ingangsdatum.'),
  ],
  *regels(data) {
    for (const w of data.wachttijden) {
      yield { groep: w.groep, ...tel('gestart', w.gestart), mediaan_dagen: w.mediaanDagen, p90_dagen: w.p90Dagen, ...tel('boven_norm', w.bovenNorm), ...tel('open_boven_norm', w.openBovenNorm) };
    }
  },
};

/** The registry: URL name -> figure set. */
// ---------------------------------------------------------------------------------
// Stuurcijfers per wijk, gebied and gemeente: one set per pillar, in long ("tidy") form:
// one row per level, period, figure and category, so new categories add rows, not columns.

/** One published value of a figure set: a Telling, or a sum that is null where its count is suppressed. */
export type Cijfer = { cijfer: string; categorie?: string; eigenOrganisatie?: boolean } & ({ telling: Telling } | { som: number | null });
type Niveau<C> = { x: Array<C & { periode: string; van: string; tot: string }> };
type StuurData<C> = { gemeente: Niveau<C> & { code: string; gebieden: Array<Niveau<C> & { naam: string; wijken: Array<Niveau<C> & { code: string; naam: string }> }> } };

const perOptioneel: Parameter = { ...per, verplicht: false, omschrijving: `${per.omschrijving} Zonder per is [van, tot] één periode.` };

/**
 * A figure set of the fields `veld(van, tot, per)` on Gemeente, Gebied and Wijk: rows for
 * the gemeente, each gebied and each wijk (by gebied), per period, one per value that
 * `cijfers` lists.
 */
export function stuurcijfers<C>(opties: { omschrijving: string; veld: string; selectie: string; cijfers: (c: C) => Cijfer[] }): Figuurset<StuurData<C>> {
  const x = `x: ${opties.veld}(van: $van, tot: $tot, per: $per) { periode van tot ${opties.selectie} }`;
  return {
    omschrijving: opties.omschrijving,
    operatie: `query Export_${opties.veld}($van: Datum!, $tot: Datum!, $per: Tijdvak) {
      gemeente { code ${x} gebieden { naam ${x} wijken { code naam ${x} } } } }`,
    parameters: [van, tot, perOptioneel],
    periode: vanTot,
    kolommen: [
      { naam: 'niveau', omschrijving: 'gemeente, gebied of wijk.' },
      { naam: 'code', omschrijving: 'Gemeentecode, naam van het gebied of CBS-wijkcode.' },
      { naam: 'naam', omschrijving: 'Naam van de wijk; bij gemeente en gebied gelijk aan code.' },
      { naam: 'gebied', omschrijving: 'Het gebied van een wijk of het gebied zelf; leeg bij de gemeente.' },
      ...periodeKolommen.map((k) => (k.naam === 'periode' ? { ...k, omschrijving: `${k.omschrijving} Zonder per: van/tot.` } : k)),
      { naam: 'cijfer', omschrijving: 'Naam van het cijfer, als het veld in GraphQL (bijv. clienten, perSoort).' },
      { naam: 'categorie', omschrijving: 'Soort, product of organisatie-id/rol (bijv. oa-dementie/ONDERAANNEMER) bij een cijfer per categorie; anders leeg.' },
      { naam: 'eigen_organisatie', omschrijving: 'true bij de eigen organisatie van een aanbieder (exact); anders leeg of false.' },
      ...telling('waarde', 'Het aantal (afgerond) of de som (uren per week, volume, euro). Een som is leeg (onderdrukt) waar het aantal waar hij bij hoort onderdrukt is; subsidies en budget staan er alleen waar ze gegeven zijn.'),
    ],
    regels: function* (data) {
      const g = data.gemeente;
      const regels = function* (niveau: string, plek: { code: string; naam: string; gebied: string | null }, reeks: Niveau<C>['x']) {
        for (const p of reeks) {
          for (const c of opties.cijfers(p)) {
            const t = 'telling' in c ? c.telling : { waarde: c.som, onderdrukt: c.som === null };
            yield {
              niveau, ...plek, periode: p.periode, van: p.van, tot: p.tot, cijfer: c.cijfer, categorie: c.categorie ?? null,
              eigen_organisatie: c.eigenOrganisatie ?? null, ...tel('waarde', t),
            };
          }
        }
      };
      yield* regels('gemeente', { code: g.code, naam: g.code, gebied: null }, g.x);
      for (const gb of g.gebieden) yield* regels('gebied', { code: gb.naam, naam: gb.naam, gebied: gb.naam }, gb.x);
      for (const gb of g.gebieden) for (const w of gb.wijken) yield* regels('wijk', { code: w.code, naam: w.naam, gebied: gb.naam }, w.x);
    },
  };
}

type BasisCijfers = { clienten: Telling; perSoort: Array<{ soort: string; clienten: Telling }> };
type AanvullendCijfers = {
  clienten: Telling; perProduct: Array<{ product: string; clienten: Telling }>;
  perAanbieder: Array<{ organisatie: { id: string }; rol: string; eigenOrganisatie: boolean; clienten: Telling }>;
};

type SocialeBasisCijfers = {
  deelnemers: Telling; anoniemGematcht: Telling; nieuweHulpvragen: Telling; openAanHetEinde: Telling;
  nieuwPerSoort: Array<{ soort: string; hulpvragen: Telling }>;
};
type HhCijfers = {
  clienten: Telling; urenPerWeek: number | null;
  perAanbieder: Array<{ aanbieder: { id: string }; eigenOrganisatie: boolean; clienten: Telling; urenPerWeek: number | null }>;
};
type Geld = { euro: string } | null;
type FinancienCijfers = {
  subsidies: Geld; subsidiesZonderWijk: Geld;
  perPerceel: Array<{ perceel: string; clienten: Telling; volume: number | null; besteed: Geld; budget: Geld }>;
};
/** An amount in euros as a number; a null amount follows its suppressed count. */
const euro = (b: Geld) => (b === null ? null : Number(b.euro));
/** Amounts that are not figures about residents (subsidies, budgets): a row only where given. */
const alsGegeven = (cijfer: string, b: Geld, categorie?: string): Cijfer[] => (b === null ? [] : [{ cijfer, categorie, som: Number(b.euro) }]);

const STUURCIJFERS: Record<string, Figuurset> = {
  'stuurcijfers-basisondersteuning': stuurcijfers<BasisCijfers>({
    omschrijving: 'Basisondersteuning per gemeente, gebied en wijk: cliënten en cliënten per soort (basisondersteuningCijfers).',
    veld: 'basisondersteuningCijfers',
    selectie: `clienten ${T} perSoort { soort clienten ${T} }`,
    cijfers: (c) => [
      { cijfer: 'clienten', telling: c.clienten },
      ...c.perSoort.map((s) => ({ cijfer: 'perSoort', categorie: s.soort, telling: s.clienten })),
    ],
  }),
  'stuurcijfers-aanvullende-ondersteuning': stuurcijfers<AanvullendCijfers>({
    omschrijving: 'Aanvullende ondersteuning per gemeente, gebied en wijk: cliënten, per product en per leverende organisatie (aanvullendeOndersteuningCijfers).',
    veld: 'aanvullendeOndersteuningCijfers',
    selectie: `clienten ${T} perProduct { product clienten ${T} } perAanbieder { organisatie { id } rol eigenOrganisatie clienten ${T} }`,
    cijfers: (c) => [
      { cijfer: 'clienten', telling: c.clienten },
      ...c.perProduct.map((p) => ({ cijfer: 'perProduct', categorie: p.product, telling: p.clienten })),
      ...c.perAanbieder.map((a) => ({ cijfer: 'perAanbieder', categorie: `${a.organisatie.id}/${a.rol}`, eigenOrganisatie: a.eigenOrganisatie, telling: a.clienten })),
    ],
  }),
};

STUURCIJFERS['stuurcijfers-sociale-basis'] = stuurcijfers<SocialeBasisCijfers>({
  omschrijving: 'Sociale basis per gemeente, gebied en wijk: deelnemers, anoniem gematchte en nieuwe hulpvragen (per soort), open hulpvragen aan het einde (socialeBasisCijfers).',
  veld: 'socialeBasisCijfers',
  selectie: `deelnemers ${T} anoniemGematcht ${T} nieuweHulpvragen ${T} nieuwPerSoort { soort hulpvragen ${T} } openAanHetEinde ${T}`,
  cijfers: (c) => [
    { cijfer: 'deelnemers', telling: c.deelnemers },
    { cijfer: 'anoniemGematcht', telling: c.anoniemGematcht },
    { cijfer: 'nieuweHulpvragen', telling: c.nieuweHulpvragen },
    ...c.nieuwPerSoort.map((s) => ({ cijfer: 'nieuwPerSoort', categorie: s.soort, telling: s.hulpvragen })),
    { cijfer: 'openAanHetEinde', telling: c.openAanHetEinde },
  ],
});
STUURCIJFERS['stuurcijfers-huishoudelijke-hulp'] = stuurcijfers<HhCijfers>({
  omschrijving: 'Huishoudelijke hulp per gemeente, gebied en wijk: cliënten en uren per week, ook per hh-aanbieder (huishoudelijkeHulpCijfers).',
  veld: 'huishoudelijkeHulpCijfers',
  selectie: `clienten ${T} urenPerWeek perAanbieder { aanbieder { id } eigenOrganisatie clienten ${T} urenPerWeek }`,
  cijfers: (c) => [
    { cijfer: 'clienten', telling: c.clienten },
    { cijfer: 'urenPerWeek', som: c.urenPerWeek },
    ...c.perAanbieder.flatMap((a): Cijfer[] => [
      { cijfer: 'perAanbieder.clienten', categorie: a.aanbieder.id, eigenOrganisatie: a.eigenOrganisatie, telling: a.clienten },
      { cijfer: 'perAanbieder.urenPerWeek', categorie: a.aanbieder.id, eigenOrganisatie: a.eigenOrganisatie, som: a.urenPerWeek },
    ]),
  ],
});
STUURCIJFERS['stuurcijfers-financien'] = stuurcijfers<FinancienCijfers>({
  omschrijving: 'Financiën per gemeente, gebied en wijk: per perceel cliënten, volume en besteed (normatief), en subsidies en budget waar gegeven (financienCijfers; alleen hele maanden).',
  veld: 'financienCijfers',
  selectie: 'subsidies { euro } subsidiesZonderWijk { euro } perPerceel { perceel clienten { waarde onderdrukt } volume besteed { euro } budget { euro } }',
  cijfers: (c) => [
    ...alsGegeven('subsidies', c.subsidies),
    ...alsGegeven('subsidiesZonderWijk', c.subsidiesZonderWijk),
    ...c.perPerceel.flatMap((p): Cijfer[] => [
      { cijfer: 'perPerceel.clienten', categorie: p.perceel, telling: p.clienten },
      { cijfer: 'perPerceel.volume', categorie: p.perceel, som: p.volume },
      { cijfer: 'perPerceel.besteed', categorie: p.perceel, som: euro(p.besteed) },
      ...alsGegeven('perPerceel.budget', p.budget, p.perceel),
    ]),
  ],
});

export const FIGUURSETS: Readonly<Record<string, Figuurset>> = {
  ...STUURCIJFERS,
  kwaliteit,
  'kwaliteit-clientervaring': kwaliteitClientervaring,
  klantstromen,
  'klantstromen-uitstroom': klantstromenUitstroom,
  aanbiederslandschap,
  'omvang-per-product': omvangPerProduct,
  wachttijden,
};
