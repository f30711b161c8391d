import type { Writable } from 'node:stream';

/** One cell: numbers and booleans as such, null or undefined as an empty cell. */
export type Cell = string | number | boolean | null | undefined;

/** A string that is only a number (e.g. "-12" or "3.5") is a value, not a formula. */
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Spreadsheets run a cell starting with one of these as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula gets a leading
 * apostrophe; numbers (also negative ones) stay numbers. A field with a comma, quote, CR
 * or LF is quoted, its quotes doubled.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('CSV cell is not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly Cell[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Resolves on 'drain'; rejects when the stream closes first (the client went away). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new Error('output closed before drain'));
    const onDrain = () => { out.off('close', onClose); resolve(); };
    const onClose = () => { out.off('drain', onDrain); reject(new Error('output closed before drain')); };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/**
 * Writes the header and then each row as it is produced, waiting for 'drain' whenever the
 * stream's buffer is full, so a slow reader never makes the whole file pile up in memory.
 * Each row's keys must be column names: a key that is not is a programming error (a
 * misspelt column would otherwise be an empty cell that reads as "not applicable").
 * Does not end the stream.
 */
export async function writeCsv(out: Writable, columns: readonly string[], rows: Iterable<Record<string, Cell>>): Promise<void> {
  const known = new Set(columns);
  let ok = out.write(csvRow(columns));
  for (const row of rows) {
    if (!ok) await drained(out);
    for (const key of Object.keys(row)) if (!known.has(key)) throw new Error(`CSV row has unknown column ${key}`);
    ok = out.write(csvRow(columns.map((c) => row[c])));
  }
  if (!ok) await drained(out);
}
