/** Deterministic randomness for the seed: the same options give the same data. */
/** mulberry32: a small deterministic PRNG, so the same options give the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export type Prng = ReturnType<typeof prng>;

export const DAY = 86_400_000;
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dateBetween = (r: Prng, from: string, to: string) =>
  isoDate(Date.parse(from) + r.int(0, Math.floor((Date.parse(to) - Date.parse(from)) / DAY)) * DAY);

