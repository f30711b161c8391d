import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import type { Path } from 'graphql/jsutils/Path';
import { insertRows, type Db } from '../../db/client';
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
 * How to find the residents a row is about:
 * - a function of the parent object (and the request context, for a batched lookup),
 *   giving one id, several (a household's plan is every member's) or none (an anonymous
 *   hulpvraag);
 * - 'ouder': the row is only reached below a row that names its residents (Adres under Inwoner);
 * - 'geen': the row is about no resident (a volunteer, a log record, a calculation).
 */
export type Betrokkene =
  | ((parent: unknown, ctx: any) => string | readonly string[] | null | undefined | Promise<string | readonly string[] | null | undefined>)
  | 'ouder'
  | 'geen';

/** What the log calls the data subject id: a keyed pseudonym of our pseudonymous inwoner id. */
export const BETROKKENE_TYPE = 'urn:wmo:inwoner-pseudoniem:hmac-sha256';

/** Keyed pseudonym (HMAC-SHA256) of an inwoner id: the log never holds the id itself. */
export function pseudoniem(key: KeyObject, inwonerId: string): string {
  return createHmac('sha256', key).update(inwonerId).digest('hex');
}

/**
 * Who acted, as an audit record stores it: the token's subject, but a resident acting
 * themself by pseudonym, never by id (the processing log and the afhaalregister).
 */
export function gebruikerVan(key: KeyObject, scope: Pick<Scope, 'rol' | 'sub'>): string {
  return scope.rol === 'inwoner' ? `pseudoniem:${pseudoniem(key, scope.sub)}` : scope.sub;
}

/** Every personal field seen without a betrokkene in this process (the matrix test asserts none). */
export const onbekendeVelden = new Set<string>();

export const asList = (ids: string | readonly string[] | null | undefined): readonly string[] =>
  ids == null ? [] : typeof ids === 'string' ? [ids] : ids;

/**
 * Collects, for one subgraph request, which residents' fields were read or changed, with
 * the confidentiality level (rank) of each field.
 */
export class VerwerkingenCollector {
  readonly start = new Date();
  /** Per resident's pseudonym: the fields and their level ranks. */
  private readonly perBetrokkene = new Map<string, Map<string, number>>();
  private readonly pseudoniemen = new Map<string, string>();
  /**
   * The residents of each object already seen, by its position in the response (graphql
   * Path objects are shared by sibling fields). Promises: a lookup (a household's members)
   * must not hold up the field, or DataLoader batches would split across ticks.
   */
  private readonly objectBetrokkenen = new Map<unknown, Promise<readonly string[]>>();
  private readonly pending: Array<Promise<void>> = [];
  /** Personal fields whose resident could not be found: a gap in the policy's betrokkenen (tests assert none). */
  readonly onbekend = new Set<string>();

  /** `spanId`: the span of the subgraph request the records are part of. */
  constructor(
    readonly parentSpanId: string | null,
    private readonly key: KeyObject,
    readonly spanId: string = randomBytes(8).toString('hex'),
  ) {}

  /** Called by the policy rule of every personal field that is about to resolve; never blocks it. */
  veld(target: string, rang: number, parent: unknown, path: Path, betrokkene: Betrokkene, ctx: unknown): void {
    if (betrokkene === 'geen') return;
    let ids: Promise<readonly string[]> | undefined;
    if (typeof betrokkene === 'function') {
      ids = this.objectBetrokkenen.get(path.prev);
      if (!ids) {
        ids = (async () => asList(await betrokkene(parent, ctx)))();
        this.objectBetrokkenen.set(path.prev, ids);
      }
    } else {
      for (let p: Path | undefined = path.prev; p && !ids; p = p.prev) ids = this.objectBetrokkenen.get(p);
      if (!ids) {
        this.onbekend.add(target);
        onbekendeVelden.add(target);
        return;
      }
    }
    this.pending.push(ids.then((list) => {
      for (const id of list) this.betrokkene(id, target, rang);
    }));
  }

  /** The residents of an object at `path` (a mutation's result), for the fields below it. */
  object(path: Path, inwonerIds: readonly string[]): void {
    this.objectBetrokkenen.set(path, Promise.resolve(inwonerIds));
  }

  /** Waits for every lookup; rejects when one failed (the log is then not complete). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** Records explicitly that a resident's data was processed (mutations, inquiries). */
  betrokkene(inwonerId: string, target: string, rang: number): void {
    let pseudo = this.pseudoniemen.get(inwonerId);
    if (!pseudo) this.pseudoniemen.set(inwonerId, (pseudo = pseudoniem(this.key, inwonerId)));
    this.betrokkenePseudoniem(pseudo, target, rang);
  }

  /** The same, for a row that holds only the resident's pseudonym (the log itself). */
  betrokkenePseudoniem(pseudo: string, target: string, rang: number): void {
    let velden = this.perBetrokkene.get(pseudo);
    if (!velden) this.perBetrokkene.set(pseudo, (velden = new Map()));
    velden.set(target, Math.max(rang, velden.get(target) ?? 0));
  }

  get size(): number {
    return this.perBetrokkene.size;
  }

  entries(): IterableIterator<[string, Map<string, number>]> {
    return this.perBetrokkene.entries();
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

export type VerwerkingInsert = typeof verwerking.$inferInsert;

/** The records of one request, one per resident. */
export function verwerkingRecords(key: KeyObject, c: VerwerkingenCollector, actie: Actie): VerwerkingInsert[] {
  const eind = new Date();
  const { scope } = actie;
  const gebruiker = gebruikerVan(key, scope);
  return [...c.entries()].map(([pseudo, velden]) => {
    const namen = [...velden.keys()].sort();
    return {
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
      betrokkene: pseudo,
      betrokkeneType: BETROKKENE_TYPE,
      rol: scope.rol,
      organisatie: scope.organisatie,
      gebruiker,
      velden: namen,
      veldNiveaus: namen.map((n) => velden.get(n)!),
    };
  });
}

/** Writes the records of one request in one statement. */
export async function schrijfVerwerkingen(db: Db, rows: VerwerkingInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  await insertRows(db, verwerking, rows as unknown as Record<string, unknown>[]);
  return rows.length;
}
