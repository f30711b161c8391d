import { badUserInput } from './errors';
import { plusDagen, today } from './scalars';

/**
 * Input checks shared by mutations: one helper per kind of check (text, id, resident id,
 * number, year, date, date order, amount, list), used everywhere, so every mutation
 * refuses the same mistakes the same way. Each failure is a BAD_USER_INPUT whose
 * `field` is the argument path the client sent (`input.einddatum`, `hulpen.2`), and
 * whose message never repeats the value (it may be personal data). Resolvers call them
 * before their transaction, so a refused mutation writes nothing.
 */

/** Text of `min` to `max` characters after trimming (bounded, so no field can fill a table). */
export function requiredText(field: string, value: string | null | undefined, min = 1, max = 500): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(field, `${field} must be between ${min} and ${max} characters`);
  }
  return trimmed;
}

/** A row id or code: 1 to 100 letters, digits and `_ . : -`. */
export function identifier(field: string, value: string | null | undefined): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) {
    throw badUserInput(field, `${field} is not a valid id`);
  }
  return value;
}

/**
 * BSN elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). Numbers whose first six
 * digits are zero (000000000, the BRP feature-test placeholders 000000012, 000000024)
 * pass the arithmetic but are placeholders, and are rejected. The documented test
 * BSN 000009921 stays valid.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value.startsWith('000000')) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(value[i]);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/**
 * A resident's pseudonymous id. A BSN (nine digits passing the elfproef) is refused
 * before any lookup: the platform never identifies a resident by BSN, so it never
 * reaches a query or a table as an id.
 */
export function inwonerIdentifier(field: string, value: string | null | undefined): string {
  if (typeof value === 'string' && isValidBsn(value.trim())) {
    throw badUserInput(field, `${field} is a BSN; name the resident by their pseudonymous id (inw-…)`);
  }
  return identifier(field, value);
}

/** A whole number in [min, max]; BAD_USER_INPUT naming the field otherwise. */
export function intBetween(field: string, value: number | null | undefined, min: number, max: number): number {
  if (!Number.isInteger(value) || value! < min || value! > max) throw badUserInput(field, `${field} must be ${min} to ${max}`);
  return value!;
}

/** The first year of the Wmo 2015: no budget, norm or rate lies before it. */
export const EERSTE_JAAR = 2015;
/** The last year a mutation may name: far enough for any agreement, near enough to catch 9999. */
export const LAATSTE_JAAR = 2100;

export function checkJaar(jaar: number, field = 'jaar'): number {
  if (!Number.isInteger(jaar) || jaar < EERSTE_JAAR || jaar > LAATSTE_JAAR) {
    throw badUserInput(field, `${field} must be a year between ${EERSTE_JAAR} (start of the Wmo 2015) and ${LAATSTE_JAAR}`);
  }
  return jaar;
}

export const EERSTE_DATUM = `${EERSTE_JAAR}-01-01`;
export const LAATSTE_DATUM = `${LAATSTE_JAAR}-12-31`;

/**
 * A calendar date (YYYY-MM-DD, a real day; the Datum scalar has checked the form) in
 * [min, max], by default the platform's years: a slip such as 0001 or 9999 never
 * reaches a table, and periods stay comparable with the years of checkJaar.
 */
export function datum(field: string, value: string, grenzen: { min?: string; max?: string } = {}): string {
  const min = grenzen.min && grenzen.min > EERSTE_DATUM ? grenzen.min : EERSTE_DATUM;
  const max = grenzen.max && grenzen.max < LAATSTE_DATUM ? grenzen.max : LAATSTE_DATUM;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < min || value > max) {
    throw badUserInput(field, `${field} must lie between ${min} and ${max}`);
  }
  return value;
}

/** A date within [today + van, today + tot] days (a window around today, e.g. -90 to 0). */
export function datumBinnen(field: string, value: string, van: number, tot: number): string {
  const t = today();
  return datum(field, value, { min: plusDagen(t, van), max: plusDagen(t, tot) });
}

/** A date of something that happened: in the platform's years and not after today. */
export function nietInDeToekomst(field: string, value: string): string {
  datum(field, value);
  if (value > today()) throw badUserInput(field, `${field} must not be in the future`);
  return value;
}

/**
 * The order of two dates: `value` not before `grens` (with `strikt`: after it). `naam`
 * says what `grens` is (`input.startdatum`, `the ingangsdatum`) in the message.
 */
export function nietVoor(field: string, value: string, grens: string, naam: string, { strikt = false } = {}): string {
  if (strikt ? value <= grens : value < grens) {
    throw badUserInput(field, `${field} must ${strikt ? 'be after' : 'not be before'} ${naam}`);
  }
  return value;
}

/** EUR 1 billion in cents: above any Wmo budget of a gemeente, so more is a slip of the keyboard. */
export const MAX_CENTEN = 10n ** 11n;

/**
 * An amount in whole cents given as a decimal string ("1250000" is EUR 12,500.00): no
 * sign, decimal point, exponent or NaN; more than 0 unless `positive` is false; at most
 * `max` cents (an upper bound that fits the kind of amount).
 */
export function centen(field: string, value: string, { positive = true, max = MAX_CENTEN } = {}): bigint {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) throw badUserInput(field, `${field} must be whole cents as a decimal string, e.g. "1250000"`);
  const n = BigInt(value);
  if (positive && n === 0n) throw badUserInput(field, `${field} must be more than 0 cents`);
  if (n > max) throw badUserInput(field, `${field} must be at most ${max} cents`);
  return n;
}

/** A list of `min` to `max` entries, so no argument makes one request do unbounded work. */
export function lijst<T>(field: string, values: readonly T[] | null | undefined, min: number, max: number): readonly T[] {
  const list = values ?? [];
  if (list.length < min || list.length > max) throw badUserInput(field, `${field} must name ${min} to ${max} entries`);
  return list;
}
