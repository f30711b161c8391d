/**
 * Subgraphs without guards (no token check, no field rules, no processing log) exist only
 * for the benchmark: `createSubgraphService(…, { guards: false, scope })` is an argument
 * in code that no configuration reaches. This test keeps it that way: outside
 * scripts/bench no source file turns guards off or reads a switch for it from the
 * environment (the option's type also requires the caller to supply the scope itself).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['gateway', 'subgraphs', 'db', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('unguarded subgraphs are bench-only', () => {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => relative(ROOT, f));

  it('no source outside scripts/bench turns guards off', () => {
    const offenders = files
      .filter((f) => !f.startsWith('scripts/bench/'))
      .filter((f) => /guards\s*:\s*false/.test(readFileSync(join(ROOT, f), 'utf8')))
      .filter((f) => f !== 'subgraphs/shared/subgraph.ts'); // where the option is defined
    expect(offenders).toEqual([]);
    expect(files).toContain('scripts/bench/subgraph-host.ts');
  });

  it('no environment variable or config entry mentions guards', () => {
    const offenders = files.filter((f) => /process\.env\.[A-Z_]*GUARD|GUARDS?\b\s*:/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
