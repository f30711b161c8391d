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

/** Public test range: numbers here belong to no real person (shared/domain-facts.md §3). */
export const TEST_BSN_FIRST = 999_900_006;
export const TEST_BSN_LAST = 999_999_990;

/** The valid test BSNs in ascending order, starting at the `skip`-th one. */
export function* testBsns(skip = 0): Generator<string> {
  let seen = 0;
  for (let n = TEST_BSN_FIRST; n <= TEST_BSN_LAST; n++) {
    const s = String(n);
    if (!isValidBsn(s)) continue;
    if (seen++ >= skip) yield s;
  }
}

/** How many valid BSNs the test range holds (about 9,090): the cap on residents with a BSN. */
export function testBsnCapacity(): number {
  let count = 0;
  for (const _ of testBsns()) count++;
  return count;
}
