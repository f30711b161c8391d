/**
 * A strict RFC 4180 reader for the tests, written apart from the export's writer: records
 * end in CRLF (also the last), fields are separated by commas, a quoted field may hold
 * commas, CR, LF and doubled quotes. Anything else (a bare CR or LF outside quotes, a quote
 * inside an unquoted field, text after a closing quote) throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  if (text.length > 0 && !text.endsWith('\r\n')) throw new Error('CSV does not end with CRLF');
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') { records.push(record); record = []; i += 2; continue; }
    throw new Error(`unexpected character ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}

/** Header and records as objects keyed by the header's names (every record as long as the header). */
export function csvRecords(text: string): { header: string[]; records: Array<Record<string, string>> } {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('CSV without a header');
  for (const [n, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`record ${n + 1} has ${row.length} fields, the header ${header.length}`);
  }
  return { header, records: rows.map((row) => Object.fromEntries(header.map((h, j) => [h, row[j]!]))) };
}
