import { badUserInput } from './errors';

/**
 * iWmo 3.2 code lists used in messages (shared/domain-facts.md §1.3, verified) and the
 * productcategorie (WMO020) of our aanvullende products. One place for every subgraph.
 */
export const EENHEDEN = new Set(['01', '04', '14', '16', '82', '83', '84']); // WJ756
export const FREQUENTIES = new Set(['1', '2', '4', '6']); // WMO757
export const REDEN_BEEINDIGING = new Set(['02', '19', '20', '21', '22', '23', '31', '36', '37', '38', '39']); // WMO588
export const REDEN_WIJZIGING = new Set(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']); // WMO002 (01 vervallen)
export const PRODUCTCATEGORIE: Record<string, string> = {
  TO3: '02', TO4: '02', DB2: '07', DB3: '07', DB5: '07', DB6: '07', KORTDUREND_VERBLIJF: '04',
};
export const PRODUCTCATEGORIEEN = new Set(Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'))); // WMO020: 01-18

/** The messages of the toewijzing flow and their BerichtCode (COD002-VEKTIS), verified list. */
export const BERICHTCODE = {
  WMO301: 414, WMO302: 415, WMO305: 418, WMO306: 419, WMO307: 420, WMO308: 421, WMO315: 444, WMO316: 445,
} as const;
export type IwmoBerichtType = keyof typeof BERICHTCODE;

/**
 * Id of a message the platform makes itself (a recorded verzoek, a retour, a message
 * derived from a toewijzing without a stored one): `<toewijzing or bericht id>.<type>`.
 * Deterministic, so an export can be re-run; partners may not send ids of this form.
 */
export const platformBerichtId = (basis: string, type: IwmoBerichtType) => `${basis}.${type}`;
export const isPlatformBerichtId = (id: string) => /\.WMO3\d\d$/i.test(id);

/** Checks a code against a list; the error names the field and the allowed codes. */
export function iwmoCode(field: string, list: Set<string>, lijst: string, value: string | null | undefined): string {
  if (!value || !list.has(value)) throw badUserInput(field, `${field} must be an iWmo ${lijst} code: ${[...list].join(', ')}`);
  return value;
}

export function volume(field: string, value: number | null | undefined): number {
  if (!Number.isInteger(value) || value! < 1 || value! > 1000) throw badUserInput(field, `${field} must be 1 to 1000`);
  return value!;
}

/** Omvang of a toewijzing: volume, eenheid (WJ756) and frequentie (WMO757). */
export function omvang(prefix: string, input: { volume?: number | null; eenheid?: string | null; frequentie?: string | null }) {
  return {
    volume: volume(`${prefix}.volume`, input.volume),
    eenheid: iwmoCode(`${prefix}.eenheid`, EENHEDEN, 'WJ756', input.eenheid),
    frequentie: iwmoCode(`${prefix}.frequentie`, FREQUENTIES, 'WMO757', input.frequentie),
  };
}
