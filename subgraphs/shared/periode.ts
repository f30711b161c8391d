import { badUserInput } from './errors';

/**
 * The time dimension of steering figures: a figure is asked for one period or as a
 * series of periods (month, quarter, year) between two dates. Periods are calendar
 * periods; `van` and `tot` are inclusive dates (YYYY-MM-DD).
 */
export type Tijdvak = 'MAAND' | 'KWARTAAL' | 'JAAR';

export interface Periode {
  /** Label: 2025-03, 2025-Q1 or 2025. */
  label: string;
  van: string;
  tot: string;
}

/** At most this many periods in one series (ten years of months). */
export const MAX_PERIODES = 120;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (jaar: number, maand: number) => new Date(Date.UTC(jaar, maand, 0)).getUTCDate();

function periodeVan(tijdvak: Tijdvak, jaar: number, index: number): Periode {
  switch (tijdvak) {
    case 'MAAND':
      return { label: `${jaar}-${pad(index)}`, van: `${jaar}-${pad(index)}-01`, tot: `${jaar}-${pad(index)}-${pad(lastDay(jaar, index))}` };
    case 'KWARTAAL': {
      const eerste = (index - 1) * 3 + 1;
      return { label: `${jaar}-Q${index}`, van: `${jaar}-${pad(eerste)}-01`, tot: `${jaar}-${pad(eerste + 2)}-${pad(lastDay(jaar, eerste + 2))}` };
    }
    case 'JAAR':
      return { label: String(jaar), van: `${jaar}-01-01`, tot: `${jaar}-12-31` };
  }
}

/**
 * The calendar periods of one kind that overlap [van, tot], in order. BAD_USER_INPUT
 * naming the field when tot is before van or the series would be longer than MAX_PERIODES.
 */
export function periodes(van: string, tot: string, tijdvak: Tijdvak): Periode[] {
  jarenInBereik(van, tot);
  if (tot < van) throw badUserInput('tot', 'tot must not be before van');
  const [vj, vm] = [Number(van.slice(0, 4)), Number(van.slice(5, 7))];
  const [tj, tm] = [Number(tot.slice(0, 4)), Number(tot.slice(5, 7))];
  const out: Periode[] = [];
  const per = tijdvak === 'MAAND' ? 1 : tijdvak === 'KWARTAAL' ? 3 : 12;
  const start = tijdvak === 'JAAR' ? 1 : tijdvak === 'KWARTAAL' ? Math.floor((vm - 1) / 3) * 3 + 1 : vm;
  for (let j = vj, m = start; j < tj || (j === tj && m <= tm); m += per) {
    if (m > 12) {
      j += 1;
      m -= 12;
      if (j > tj || (j === tj && m > tm)) break;
    }
    if (out.length >= MAX_PERIODES) throw badUserInput('tot', `A series has at most ${MAX_PERIODES} periods`);
    const index = tijdvak === 'MAAND' ? m : tijdvak === 'KWARTAAL' ? (m - 1) / 3 + 1 : 1;
    out.push(periodeVan(tijdvak, j, index));
  }
  return out;
}

/** BAD_USER_INPUT naming the field when van or tot lies outside the years 1900 to 2100. */
export function jarenInBereik(van: string, tot: string): void {
  for (const [veld, datum] of [['van', van], ['tot', tot]] as const) {
    const jaar = Number(datum.slice(0, 4));
    if (!(jaar >= 1900 && jaar <= 2100)) throw badUserInput(veld, `${veld} must be in the years 1900 to 2100`);
  }
}

/**
 * BAD_USER_INPUT naming the field unless van is the first and tot the last day of a month:
 * periods a few days apart could otherwise be differenced down to a few residents.
 */
export function heleMaanden(van: string, tot: string): void {
  if (!van.endsWith('-01')) throw badUserInput('van', 'van must be the first day of a month');
  if (tot.slice(8) !== pad(lastDay(Number(tot.slice(0, 4)), Number(tot.slice(5, 7))))) {
    throw badUserInput('tot', 'tot must be the last day of a month');
  }
}
