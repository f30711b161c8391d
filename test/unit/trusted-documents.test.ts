import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSchema } from '../../gateway/src/supergraph';
import { checkOperation, readManifest, TRUSTED_DOCUMENTS_PATH } from '../../gateway/src/trusted-documents';

describe('schema/trusted-documents.json', () => {
  const manifest = readManifest(TRUSTED_DOCUMENTS_PATH);
  it('holds operations whose ids are the sha256 of their text', () => {
    expect(manifest.operations.length).toBeGreaterThan(0);
  });
  it('every registered operation is valid against the current schema (a change that breaks a partner fails here)', () => {
    const schema = apiSchema();
    for (const op of manifest.operations) expect({ name: op.name, problems: checkOperation(schema, op.body) }).toEqual({ name: op.name, problems: [] });
  }, 30_000);
  it('refuses a manifest whose id does not match the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wmo-docs-'));
    const path = join(dir, 'm.json');
    const op = { ...manifest.operations[0]!, body: `${manifest.operations[0]!.body} ` };
    writeFileSync(path, JSON.stringify({ ...manifest, operations: [op] }));
    expect(() => readManifest(path)).toThrow(/not the sha256 of its body/);
  });
  it('checkOperation names what is wrong', () => {
    const schema = apiSchema();
    expect(checkOperation(schema, '{ wijken { code } }')).toContain("A trusted document's operation must have a name");
    expect(checkOperation(schema, 'query A { wijken { nope } }')[0]).toMatch(/Cannot query field "nope"/);
    expect(checkOperation(schema, 'query A { wijken { code } } query B { wijken { naam } }')).toContain('A trusted document holds exactly one operation');
  }, 30_000);
});
