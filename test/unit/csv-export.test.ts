/**
 * The CSV writer of the BI export: RFC 4180 quoting, formula-injection escaping that keeps
 * numbers numbers, and streaming that waits for 'drain'. Read back with the tests' own
 * RFC 4180 reader. Also the URL parameters of a figure set and the registry's shape.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, writeCsv } from '../../gateway/src/export/csv';
import { FIGUURSETS } from '../../gateway/src/export/figuursets';
import { variabelen, weigeringVoor } from '../../gateway/src/export/route';
import { parseCsv } from '../support/rfc4180';

describe('csvCell', () => {
  it('quotes a field with a comma, quote, CR or LF and doubles its quotes', () => {
    expect(csvCell('Heechterp, Schieringen')).toBe('"Heechterp, Schieringen"');
    expect(csvCell('De "Kamer"')).toBe('"De ""Kamer"""');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('beëindigd')).toBe('beëindigd');
  });

  it('escapes text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+31 58 123')).toBe("'+31 58 123");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('keeps numbers numbers, also negative ones, and writes booleans and null plainly', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(73.4)).toBe('73.4');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(() => csvCell(Number.NaN)).toThrow();
  });

  it('writes records that an independent RFC 4180 reader reads back', () => {
    const rows = [['naam', 'waarde', 'waarde_onderdrukt'], ['Nij, "Oud"', null, true], ['=cmd', -3, false], ['x\r\ny', 10, false]];
    const text = rows.map(csvRow).join('');
    expect(text.split('\r\n')).toHaveLength(6); // 4 records + the CRLF inside a field + trailing ''
    expect(parseCsv(text)).toEqual([['naam', 'waarde', 'waarde_onderdrukt'], ['Nij, "Oud"', '', 'true'], ["'=cmd", '-3', 'false'], ['x\r\ny', '10', 'false']]);
  });
});

/** A slow reader: takes one chunk per tick with a small buffer, recording how full it got. */
function slowReader(highWaterMark: number) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  let drains = 0;
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  const write = out.write.bind(out);
  out.write = ((chunk: string) => {
    const ok = write(chunk);
    maxBuffered = Math.max(maxBuffered, out.writableLength);
    return ok;
  }) as typeof out.write;
  out.on('drain', () => drains++);
  return { out, text: () => chunks.join(''), maxBuffered: () => maxBuffered, drains: () => drains };
}

describe('writeCsv', () => {
  it('writes the header first, then each row, waiting for drain so the buffer stays bounded', async () => {
    const reader = slowReader(64);
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 500; i++) {
        produced++;
        yield { periode: `p${i}`, aantal: i % 7 === 0 ? null : i, aantal_onderdrukt: i % 7 === 0 };
      }
    }
    await writeCsv(reader.out, ['periode', 'aantal', 'aantal_onderdrukt'], rows());
    expect(produced).toBe(500);
    await new Promise((resolve) => reader.out.end(resolve));
    const records = parseCsv(reader.text());
    expect(records[0]).toEqual(['periode', 'aantal', 'aantal_onderdrukt']);
    expect(records).toHaveLength(501);
    expect(records[8]).toEqual(['p7', '', 'true']);
    expect(records[9]).toEqual(['p8', '8', 'false']);
    // Without waiting for drain all 500 rows would sit in the buffer at once.
    expect(reader.drains()).toBeGreaterThan(10);
    expect(reader.maxBuffered()).toBeLessThan(64 + 40);
  });

  it('stops when the reader goes away before the buffer drains', async () => {
    const reader = slowReader(16);
    const rows = (function* () { for (let i = 0; i < 1000; i++) yield { a: 'x'.repeat(20) }; })();
    const done = writeCsv(reader.out, ['a'], rows);
    reader.out.destroy();
    await expect(done).rejects.toThrow(/closed/);
  });

  it('stops at once when the reader went away before it started (a closed stream never drains)', async () => {
    const reader = slowReader(16);
    reader.out.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(writeCsv(reader.out, ['a'], [{ a: 'x'.repeat(40) }])).rejects.toThrow(/closed/);
  });

  it('refuses a row with a key that is not a column (a misspelt column would read as not applicable)', async () => {
    const reader = slowReader(1024);
    await expect(writeCsv(reader.out, ['klachten', 'klachten_onderdrukt'], [{ klachten: 1, klachten_onderdruk: false }])).rejects.toThrow(/unknown column/);
  });
});

describe('URL parameters of a figure set', () => {
  const set = FIGUURSETS.wachttijden!;
  const p = (q: string) => variabelen(set, new URLSearchParams(q));
  const fout = (q: string) => {
    try {
      p(q);
    } catch (error) {
      return { status: (error as { status: number }).status, field: (error as { extensions: { field: string } }).extensions.field, message: (error as Error).message };
    }
    throw new Error(`accepted: ${q}`);
  };

  it('maps parameters to variables of the same name, leaving an optional one out', () => {
    expect(p('van=2025-01-01&tot=2025-12-31&per=WIJK')).toEqual({ van: '2025-01-01', tot: '2025-12-31', per: 'WIJK' });
    expect(p('van=2025-01-01&tot=2025-12-31&per=WIJK&normDagen=-3')).toMatchObject({ normDagen: -3 });
  });

  it('refuses a bad date, enum or integer, a missing, unknown or repeated parameter, naming it', () => {
    expect(fout('van=2025-02-30&tot=2025-12-31&per=WIJK')).toMatchObject({ status: 400, field: 'van', message: expect.stringContaining('van') });
    expect(fout('van=1-1-2025&tot=2025-12-31&per=WIJK')).toMatchObject({ status: 400, field: 'van' });
    expect(fout('van=2025-01-01&tot=2025-12-31&per=MAAND')).toMatchObject({ status: 400, field: 'per', message: expect.stringContaining('PRODUCT, AANBIEDER, WIJK') });
    expect(fout('van=2025-01-01&tot=2025-12-31&per=WIJK&normDagen=2.5')).toMatchObject({ status: 400, field: 'normDagen' });
    expect(fout('van=2025-01-01&per=WIJK')).toMatchObject({ status: 400, field: 'tot', message: expect.stringContaining('required') });
    expect(fout('van=2025-01-01&tot=2025-12-31&per=WIJK&gemeente=GM0088')).toMatchObject({ status: 400, field: 'gemeente', message: expect.stringContaining('Unknown parameter') });
    expect(fout('van=2025-01-01&van=2024-01-01&tot=2025-12-31&per=WIJK')).toMatchObject({ status: 400, field: 'van' });
  });

  it('maps GraphQL errors to a status: 401, 403, 400 with the field, else 502', () => {
    expect(weigeringVoor([{ message: 'x', extensions: { code: 'FORBIDDEN' } }]).status).toBe(403);
    expect(weigeringVoor([{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }]).status).toBe(401);
    expect(weigeringVoor([{ message: 'tot before van', extensions: { code: 'BAD_USER_INPUT', field: 'tot' } }])).toMatchObject({ status: 400, extensions: { field: 'tot' } });
    expect(weigeringVoor([{ message: 'down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'financien' } }])).toMatchObject({ status: 502, code: 'SUBGRAPH_UNAVAILABLE', extensions: { serviceName: 'financien' } });
    expect(weigeringVoor([])).toMatchObject({ status: 502, code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('the registry', () => {
  it('gives every figure set a named GraphQL operation, documented parameters matching its variables, and unique columns', () => {
    for (const [naam, set] of Object.entries(FIGUURSETS)) {
      expect(naam).toMatch(/^[a-z0-9-]+$/);
      const variables = [...set.operatie.matchAll(/\$(\w+):/g)].map((m) => m[1]).sort();
      expect(variables, naam).toEqual(set.parameters.map((p) => p.naam).sort());
      const kolommen = set.kolommen.map((k) => k.naam);
      expect(new Set(kolommen).size, naam).toBe(kolommen.length);
      for (const k of set.kolommen) {
        expect(k.naam, naam).toMatch(/^[a-z0-9_]+$/);
        expect(k.omschrijving.length, `${naam}.${k.naam}`).toBeGreaterThan(5);
        if (k.naam.endsWith('_onderdrukt')) expect(kolommen, `${naam}.${k.naam}`).toContain(k.naam.slice(0, -'_onderdrukt'.length));
      }
    }
  });
});
