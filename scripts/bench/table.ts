/**
 * The results table: one row per scale × target × query, printed as each measurement
 * finishes and written the same way into the markdown report.
 */
import type { Measurement } from './measure';

const f1 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(1));
const f2 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(2));

export const TABLE_HEADER = [
  '| residents | target | query | outcome | RPS | p50 ms | p95 ms | p99 ms | non-2xx / errors / GraphQL errors | gw CPU ms/req | sg CPU ms/req | bench CPU ms/req | SQL/req (load avg) | per subgraph | new sg conns/req | gw RSS peak MB | same answer |',
  '|---:|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---|---:|---:|---|',
].join('\n');

const SHORT: Record<string, string> = {
  'sociale-basis': 'sb', basisondersteuning: 'bas', 'aanvullende-ondersteuning': 'ao', 'huishoudelijke-hulp': 'hh', financien: 'fin', privacy: 'pri', overig: 'other',
};
const subgraphShort = (name: string) => SHORT[name] ?? name;

/** "ao 3, b 1": statements per subgraph, with short names. */
export function perSubgraphText(perSubgraph: Record<string, number | undefined>): string {
  return Object.entries(perSubgraph).map(([name, n]) => `${subgraphShort(name)} ${n}`).join(', ') || '-';
}

export function tableRow(m: Measurement): string {
  const l = m.load;
  const sample = m.sample;
  const counts = sample ? [...new Set(sample.statementCounts)] : [];
  const sql = sample ? `${counts.length === 1 ? sample.statements : `${sample.statements} (samples ${sample.statementCounts.join(', ')})`} (${f1(m.statementsPerRequest)})` : '-';
  const failures = l ? `${l.non2xx} / ${l.errors} / ${l.graphqlErrors}` : '-';
  const note = m.note ? `: ${m.note.replace(/\|/g, '/')}` : '';
  const outcome = m.outcome === 'ok' ? `ok${note}` : `**${m.outcome}**${note}`;
  const same = m.sameAnswer == null ? '-' : m.sameAnswer ? 'yes' : '**NO**';
  return `| ${m.scale} | ${m.target} | ${m.query} | ${outcome} | ${f1(l?.rps)} | ${f1(l?.latencyMs.p50)} | ${f1(l?.latencyMs.p95)} | ${f1(l?.latencyMs.p99)} | ${failures} | ${f2(m.cpuMsPerRequest?.gateway)} | ${f2(m.cpuMsPerRequest?.subgraphs)} | ${f2(m.cpuMsPerRequest?.bench)} | ${sql} | ${sample ? perSubgraphText(sample.perSubgraph) : '-'} | ${f2(m.subgraphConnectionsPerRequest)} | ${f1(m.rssPeakMb?.gateway)} | ${same} |`;
}

export const SUBGRAPH_LEGEND = 'Per subgraph: sb sociale-basis, bas basisondersteuning, ao aanvullende-ondersteuning, hh huishoudelijke-hulp, fin financien, pri privacy, other: outside any subgraph request.';
