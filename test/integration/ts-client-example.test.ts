/**
 * The TypeScript client example (examples/ts-client, README "Clients") cannot rot: GraphQL
 * Code Generator runs on the current supergraph as `npm run codegen` does, the example
 * type-checks against what it generated (so an operation that no longer fits the schema,
 * or a client that no longer fits the types, fails here), and it runs against the gateway.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, type Stack } from '../support/stack';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const env = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 200 });
}, 180_000);
afterAll(() => stack?.stop());

describe('examples/ts-client', () => {
  it('generates types for its operations from the API schema, and type-checks', async () => {
    await run('npm', ['run', '--silent', 'codegen'], { cwd: root, env, timeout: 120_000 });
    const schema = readFileSync(`${root}examples/ts-client/generated/schema.graphql`, 'utf8');
    // The API schema a client sees: the supergraph's types, without its federation machinery.
    expect(schema).toMatch(/^type Query \{/m);
    expect(schema).not.toMatch(/join__|link__|@inaccessible/);
    const types = readFileSync(`${root}examples/ts-client/generated/graphql.ts`, 'utf8');
    expect(types).toContain('export type WijkenQuery =');
    expect(types).toContain('export const KlantstromenDocument');
    await run(bin('tsc'), ['--noEmit', '-p', 'examples/ts-client'], { cwd: root, env, timeout: 120_000 });
  }, 180_000);

  it('runs against the gateway with a dev token', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const { stdout } = await run(bin('tsx'), ['examples/ts-client/main.ts'], {
      cwd: root,
      env: { ...env, TOKEN: token, GRAPHQL_URL: stack.platform.gatewayUrl },
      timeout: 60_000,
    });
    const { body } = await stack.query('{ wijken { code naam } }', { token });
    const lines = stdout.split('\n');
    // One line per wijk, in the API's order, then one per quarter of 2025.
    expect(lines.filter((l) => /^WK\d{6} /.test(l)).map((l) => l.slice(0, 8))).toEqual(body.data!.wijken.map((w: { code: string }) => w.code));
    expect(stdout).toMatch(/^WK008050 {2}Heechterp & Schieringen /m);
    expect(lines.filter((l) => /^2025-Q[1-4] {2}instroom \S+ {2}uitstroom \S+$/.test(l))).toHaveLength(4);
  }, 60_000);
});
