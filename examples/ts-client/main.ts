/**
 * The example client at work: every wijk with its household-help clients, and the
 * quarterly in- and outflow of 2025.
 *
 *   TOKEN=$(npm run --silent token -- --rol gemeente-beleid) npx tsx examples/ts-client/main.ts
 *
 * GRAPHQL_URL overrides the endpoint (default http://localhost:4000/graphql).
 */
import { execute, type ClientOptions } from './client';
import { KlantstromenDocument, WijkenDocument } from './generated/graphql';

const token = process.env.TOKEN;
if (!token) {
  console.error('Set TOKEN, e.g. TOKEN=$(npm run --silent token -- --rol gemeente-beleid)');
  process.exit(1);
}
const options: ClientOptions = { endpoint: process.env.GRAPHQL_URL ?? 'http://localhost:4000/graphql', token };

/** A Telling as text: its number, or "<drempel" when it is suppressed. */
const telling = (t: { waarde: number | null; onderdrukt: boolean } | null) => (t === null ? '-' : t.onderdrukt ? '<drempel' : String(t.waarde));

const wijken = await execute(options, WijkenDocument);
for (const wijk of wijken.data.wijken) {
  console.log(`${wijk.code}  ${wijk.naam.padEnd(28)} ${wijk.gebied.padEnd(12)} hh-cliënten: ${telling(wijk.clientenHuishoudelijkeHulp)}`);
}
// Fields this role may not read come back null, with a FORBIDDEN error naming their path.
for (const error of wijken.errors) console.log(`(${error.extensions?.code}: ${error.path?.join('.')})`);

const stromen = await execute(options, KlantstromenDocument, { van: '2025-01-01', tot: '2025-12-31', per: 'KWARTAAL' });
for (const s of stromen.data.klantstromen) {
  console.log(`${s.periode}  instroom ${telling(s.instroom)}  uitstroom ${telling(s.uitstroom)}`);
}
