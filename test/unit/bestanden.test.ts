/**
 * The registry of file delivery (gateway/src/bestanden): every soort's operation is valid
 * against the current schema and has one root field that exactly one subgraph's policy rules;
 * the periode of the path; the serialisation; and putting keyset pages together.
 */
import { describe, expect, it } from 'vitest';
import { maandVan, rootVeld, toegang } from '../../gateway/src/bestanden/route';
import { allePaginas, BESTANDSOORTEN, MAX_PAGINAS, serialiseer } from '../../gateway/src/bestanden/soorten';
import { apiSchema } from '../../gateway/src/supergraph';
import { checkOperation } from '../../gateway/src/trusted-documents';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';

describe('BESTANDSOORTEN', () => {
  it('each operation is one named operation, valid against the schema, on a root field one policy rules', () => {
    const schema = apiSchema();
    for (const [soort, s] of Object.entries(BESTANDSOORTEN)) {
      expect({ soort, problems: checkOperation(schema, s.operatie) }).toEqual({ soort, problems: [] });
      const veld = rootVeld(s.operatie);
      const owners = Object.values(SUBGRAPH_MODULES).filter((m) => m.policy.regels.Query?.[veld]);
      expect({ soort, owners: owners.length }).toEqual({ soort, owners: 1 });
    }
  });

  it('names soorten as URL path segments', () => {
    for (const soort of Object.keys(BESTANDSOORTEN)) expect(soort).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('toegang is what the owning policy decides', () => {
    expect(toegang('gemeente-consulent', 'cakExport')).toBe('allow');
    expect(toegang('gemeente-beleid', 'cakExport')).toBe('deny');
    expect(toegang('partner-systeem', 'anoniemeMaandexport')).toBe('relation');
    expect(toegang('fg', 'bestaatNiet')).toBe('deny');
  });
});

describe('maandVan', () => {
  it('turns JJJJ-MM into the month with its first and last day', () => {
    expect(maandVan('2024-02')).toEqual({ jaar: 2024, maand: 2, van: '2024-02-01', tot: '2024-02-29' });
    expect(maandVan('2025-12')).toEqual({ jaar: 2025, maand: 12, van: '2025-12-01', tot: '2025-12-31' });
  });
  it('refuses anything else with a 400 naming periode', () => {
    for (const p of ['2025-00', '2025-13', '2025-1', '25-01', '2025-01-01', '', 'x']) {
      expect(() => maandVan(p)).toThrow(expect.objectContaining({ status: 400, extensions: { field: 'periode' } }));
    }
  });
});

describe('serialiseer', () => {
  it('json: one document and a newline; ndjson: one line per value, empty for none', () => {
    expect(serialiseer('json', { b: 1, a: [null, 'é'] })).toBe('{"b":1,"a":[null,"é"]}\n');
    expect(serialiseer('ndjson', [{ x: 1 }, { x: 'a\nb' }])).toBe('{"x":1}\n{"x":"a\\nb"}\n');
    expect(serialiseer('ndjson', [])).toBe('');
  });
});

describe('allePaginas', () => {
  /** A keyset-paged list of `n` items in pages of `grootte`, with opaque cursors. */
  const bron = (n: number, grootte: number) => {
    const gevraagd: Array<string | null> = [];
    const pagina = async (na: string | null) => {
      gevraagd.push(na);
      const start = na === null ? 0 : Number(Buffer.from(na, 'base64url').toString());
      const items = Array.from({ length: Math.min(grootte, n - start) }, (_, i) => start + i);
      const volgende = start + grootte < n ? Buffer.from(String(start + grootte)).toString('base64url') : null;
      return { items, volgende };
    };
    return { pagina, gevraagd };
  };

  it('follows volgende until null and keeps the order', async () => {
    const b = bron(23, 10);
    expect(await allePaginas(b.pagina)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(b.gevraagd).toHaveLength(3);
    expect(b.gevraagd[0]).toBeNull();
  });

  it('one page, and an empty list', async () => {
    expect(await allePaginas(bron(10, 10).pagina)).toHaveLength(10);
    expect(await allePaginas(bron(0, 10).pagina)).toEqual([]);
  });

  it('stops on a cursor that does not advance, and after MAX_PAGINAS pages', async () => {
    await expect(allePaginas(async () => ({ items: [1], volgende: 'zelfde' }))).rejects.toThrow(/did not advance/);
    let n = 0;
    await expect(allePaginas(async () => ({ items: [], volgende: String(++n) }))).rejects.toThrow(/More than/);
    expect(n).toBe(MAX_PAGINAS);
  });
});
