/**
 * The benchmark harness (scripts/bench, `npm run bench`) end to end on a tiny scale, so
 * it cannot rot: it seeds, starts the subgraph host and the platform gateway as child
 * processes, checks and loads every query, and builds the report. It asserts the report's
 * structure and that the runs were clean, never a timing. Hive Gateway and the unguarded
 * subgraphs are left to real runs (slow to start on a small CI machine).
 */
import { describe, expect, it } from 'vitest';
import { runBench } from '../../scripts/bench/bench';
import { parseOptions } from '../../scripts/bench/options';
import { markdown, TARGETS } from '../../scripts/bench/report';
import { TABLE_HEADER } from '../../scripts/bench/table';

describe('npm run bench --quick', () => {
  it('measures every query on the platform and directly, with clean runs and counted statements', async () => {
    const options = {
      ...parseOptions(['--quick', '--inwoners', '500', '--requests', '6', '--warmup', '0', '--connections', '2', '--targets', 'platform,direct'], {}),
      adminUrl: process.env.TEST_DATABASE_URL,
      outDir: null,
      quiet: true,
    };
    const lines: string[] = [];
    const { report, files } = await runBench(options, { line: (text) => lines.push(text), status: () => {} });

    expect(files).toEqual([]);
    expect(report.scales.map((s) => s.inwoners)).toEqual([500]);
    expect(report.scales[0]!.unavailable).toEqual({});
    // direct only where one subgraph answers the whole query
    expect(report.measurements.map((m) => `${m.target} ${m.query}`)).toEqual([
      'platform dossier', 'platform dashboard', 'platform clients', 'platform mutation', 'direct mutation', 'platform light', 'direct light',
    ]);
    for (const m of report.measurements) {
      expect(m.outcome, `${m.target} ${m.query}: ${m.note}`).toBe('ok');
      expect(m.load!.responses).toBeGreaterThan(0);
      expect(m.load!.non2xx + m.load!.errors + m.load!.graphqlErrors).toBe(0);
      expect(m.sample!.statements).toBeGreaterThan(0);
      expect(m.cpuMsPerRequest!.subgraphs).toBeGreaterThan(0);
      expect(m.rssPeakMb!.subgraphs).toBeGreaterThan(0);
      if (m.target === 'platform') {
        expect(m.cpuMsPerRequest!.gateway).toBeGreaterThan(0);
        expect(m.rssPeakMb!.gateway).toBeGreaterThan(0);
      } else {
        expect(m.cpuMsPerRequest!.gateway).toBeNull();
      }
    }
    // the dossier reaches every subgraph a regievoerder may read (privacy only receives the processing log)
    expect(Object.keys(report.measurements[0]!.sample!.perSubgraph).sort()).toEqual(
      ['aanvullende-ondersteuning', 'basisondersteuning', 'financien', 'huishoudelijke-hulp', 'sociale-basis'],
    );
    // the direct answer of the light query is the gateway's (it is a single-subgraph query)
    expect(report.measurements.find((m) => m.target === 'direct' && m.query === 'light')!.sameAnswer).toBe(true);
    expect(report.ratios.find((r) => r.query === 'light')!.platformVsDirectRps).toBeGreaterThan(0);
    expect(report.verdicts.map((v) => v.target)).toEqual(Object.values(TARGETS));
    expect(report.checks.filter((c) => c.target === TARGETS.gatewayCpu)).toHaveLength(4);
    expect(report.tokenCost!.internalSignUs).toBeGreaterThan(0);

    const md = markdown(report);
    expect(md).toContain(TABLE_HEADER);
    expect(md).toContain('## Targets');
    expect(lines).toContain(TABLE_HEADER);
  }, 240_000); // about 30 s on an idle 2-core machine; child processes start slowly on a busy one
});
