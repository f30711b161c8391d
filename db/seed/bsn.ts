import { isValidBsn } from '../../subgraphs/shared/validate';

/** The elfproef lives with the input checks of the mutations; the seed generates numbers that pass it. */
export { isValidBsn };

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
