import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import type { Path } from 'graphql/jsutils/Path';
import type { Db } from '../../db/client';
import { verwerking } from '../../db/schema/privacy';
import type { Scope } from './tokens';
import { activiteitUri } from './verwerkingsactiviteiten';

/**
 * The processing log (Logboek Dataverwerkingen): one record per resident per subgraph
 * request (an Actie in a trace) that read or changed their data, with the fields it
 * touched. Records are collected while the request resolves (the policy rule of each
 * personal field calls `veld`) and written in one INSERT before the response leaves
 * the subgraph; if that write fails, the response is replaced by an error (fail
 * closed), so no personal data is released unlogged.
 */

/**
 * How to find the resident a row is about:
 * - a function of the parent object (null when the row names nobody, e.g. an anonymous hulpvraag);
 * - 'ouder': the row is only reached below a row that names its resident (Adres under Inwoner);
 * - 'geen': the row is about no resident (a volunteer, a log record, a calculation).
 */
export type Betrokkene = ((parent: unknown) => string | null | undefined) | 'ouder' | 'geen';

/** What the log calls the data subject id: a keyed pseudonym of our pseudonymous inwoner id. */
export const BETROKKENE_TYPE = 'urn:wmo:inwoner-pseudoniem:hmac-sha256';

/** Keyed pseudonym (HMAC-SHA256) of an inwoner id: the log never holds the id itself. */
export function pseudoniem(key: KeyObject, inwonerId: string): string {
  return createHmac('sha256', key).update(inwonerId).digest('hex');
}

/** Fields of a resident the log keeps apart from the rest of the request (e.g. an fg inquiry). */
type Velden = Set<string>;

/** Every personal field seen without a betrokkene in this process (the matrix test asserts none). */
export const onbekendeVelden = new Set<string>();

/** Collects, for one subgraph request, which residents' fields were read or changed. */
export class VerwerkingenCollector {
  readonly start = new Date();
  readonly spanId = randomBytes(8).toString('hex');
  private readonly perInwoner = new Map<string, Velden>();
  /** The resident of each object already seen, by its position in the response (graphql Path objects are shared by sibling fields). */
  private readonly objectBetrokkene = new Map<unknown, string | null>();
  /** Personal fields whose resident could not be found: a gap in the policy's betrokkenen (tests assert none). */
  readonly onbekend = new Set<string>();

  constructor(readonly parentSpanId: string | null) {}

  /** Called by the policy rule of every personal field that is about to resolve. */
  veld(target: string, parent: unknown, path: Path, betrokkene: Betrokkene): void {
    if (betrokkene === 'geen') return;
    let inwoner: string | null | undefined;
    if (typeof betrokkene === 'function') {
      inwoner = betrokkene(parent) ?? null;
      this.objectBetrokkene.set(path.prev, inwoner);
    } else {
      for (let p: Path | undefined = path.prev; p; p = p.prev) {
        if (this.objectBetrokkene.has(p)) {
          inwoner = this.objectBetrokkene.get(p);
          break;
        }
      }
      if (inwoner === undefined) {
        this.onbekend.add(target);
        onbekendeVelden.add(target);
      }
    }
    if (inwoner) this.betrokkene(inwoner, target);
  }

  /** Records explicitly that a resident's data was processed (mutations, inquiries). */
  betrokkene(inwonerId: string, target: string): void {
    let velden = this.perInwoner.get(inwonerId);
    if (!velden) this.perInwoner.set(inwonerId, (velden = new Set()));
    velden.add(target);
  }

  get size(): number {
    return this.perInwoner.size;
  }

  entries(): IterableIterator<[string, Velden]> {
    return this.perInwoner.entries();
  }
}

/** Logboek status codes. */
export const STATUS = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface Actie {
  dienst: string;
  naam: string;
  soort: 'lezen' | 'wijzigen';
  status: (typeof STATUS)[keyof typeof STATUS];
  scope: Scope;
}

/** Writes the collected records of one request in one statement. */
export async function schrijfVerwerkingen(db: Db, key: KeyObject, c: VerwerkingenCollector, actie: Actie): Promise<number> {
  if (c.size === 0) return 0;
  const eind = new Date();
  const { scope } = actie;
  const rows = [...c.entries()].map(([inwonerId, velden]) => ({
    gemeenteCode: scope.gemeente,
    traceId: scope.traceId,
    spanId: c.spanId,
    parentSpanId: c.parentSpanId,
    naam: actie.naam,
    dienst: actie.dienst,
    soort: actie.soort,
    startTijd: c.start.toISOString(),
    eindTijd: eind.toISOString(),
    statusCode: actie.status,
    verwerkingsactiviteit: activiteitUri(scope.gemeente, scope.doel),
    doel: scope.doel,
    betrokkene: pseudoniem(key, inwonerId),
    betrokkeneType: BETROKKENE_TYPE,
    rol: scope.rol,
    organisatie: scope.organisatie,
    gebruiker: scope.sub,
    velden: [...velden].sort(),
  }));
  await db.insert(verwerking).values(rows);
  return rows.length;
}

/** The parent span of a W3C traceparent header (the gateway's fetch), if well-formed. */
export function parentSpan(traceparent: string | string[] | undefined): string | null {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const match = value ? /^00-[0-9a-f]{32}-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(value) : null;
  return match ? match[1]! : null;
}
