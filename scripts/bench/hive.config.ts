/**
 * Hive Gateway's configuration in the benchmark (scripts/bench/processes.ts starts
 * `hive-gateway supergraph schema/supergraph.graphql --config-path <this file>`).
 *
 * A bare gateway over the same subgraphs: nothing added (no auth, no header forwarding,
 * no plugins). Two settings only:
 * - the subgraph URLs of this run (the bench's subgraph host listens on free ports), from
 *   BENCH_SUBGRAPH_URLS, set by the bench;
 * - in-flight deduplication of identical subgraph requests off: on by default, it
 *   flatters any benchmark that repeats one query (../shared/performance.md), and our
 *   gateway does not deduplicate.
 * No imports: Hive loads this file with its own TypeScript loader.
 */
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

export const gatewayConfig = {
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
    ...Object.fromEntries(Object.entries(urls).map(([subgraph, location]) => [subgraph, { location }])),
  },
};
