/**
 * Small-cell suppression for counts returned as aggregates. A count below the
 * threshold is not returned at all (waarde null, onderdrukt true: never a 0 that
 * could be mistaken for a real zero); other counts are rounded to a multiple of the
 * rounding base. Threshold and base come from configuration (SUPPRESSION_*).
 */
export interface Telling {
  waarde: number | null;
  onderdrukt: boolean;
}

export interface SuppressionRule {
  threshold: number;
  rounding: number;
}

export function suppress(count: number, rule: SuppressionRule): Telling {
  if (!Number.isInteger(count) || count < 0) throw new Error('suppress expects a non-negative integer count');
  if (count < rule.threshold) return { waarde: null, onderdrukt: true };
  return { waarde: Math.round(count / rule.rounding) * rule.rounding, onderdrukt: false };
}
