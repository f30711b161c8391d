/**
 * npm run bench [-- --inwoners 10000,100000 --duration 15 --connections 20 --queries ... --targets ... --soak 600 --quick]
 * Load benchmark of the platform against bare Hive Gateway and the subgraphs directly
 * (issue 9); see bench.ts for the run and README "Benchmark" for what it reports.
 */
import { runBench } from './bench';
import { parseOptions } from './options';

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
// Ctrl-C: the exit handlers stop the child processes and remove the temporary directory.
process.once('SIGINT', () => process.exit(130));
const { files } = await runBench(options);
console.log(`\nWritten: ${files.join(' and ')}`);
