import DataLoader from 'dataloader';

/**
 * DataLoader factories: each batch becomes one SQL statement whatever the number of
 * keys, and results come back in key order. Loaders live for one request only.
 */
export function oneLoader<R>(fetch: (keys: readonly string[]) => Promise<R[]>, keyOf: (row: R) => string) {
  return new DataLoader<string, R | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

export function manyLoader<R>(fetch: (keys: readonly string[]) => Promise<R[]>, keyOf: (row: R) => string) {
  return new DataLoader<string, R[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<string, R[]>();
    for (const r of rows) {
      const k = keyOf(r);
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

/** For `select key, count(*) ... group by key`: missing keys count as 0. */
export function countLoader(fetch: (keys: readonly string[]) => Promise<Array<{ key: string; count: number | string }>>) {
  return new DataLoader<string, number>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((r) => [r.key, Number(r.count)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  });
}

/** A loader per argument value (e.g. per jaar), created on first use within a request. */
export function keyedLoaders<A, L>(make: (arg: A) => L): (arg: A) => L {
  const cache = new Map<A, L>();
  return (arg) => {
    let loader = cache.get(arg);
    if (!loader) {
      loader = make(arg);
      cache.set(arg, loader);
    }
    return loader;
  };
}
