import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTRACT_FILES,
  apiSchemaSdl,
  checkFiles,
  checkSchema,
  readIntentional,
  release,
  releasedFileText,
  releasedVersions,
  type ContractFiles,
  type IntentionalChange,
} from '../../scripts/schema-contract';

/** The current contract: the API schema of the checked-in supergraph. */
const current = apiSchemaSdl(readFileSync(CONTRACT_FILES.supergraph, 'utf8'));

/** Rewrites one object type of an SDL; fails loudly when the type is not there. */
function editType(sdl: string, typeName: string, edit: (t: ObjectTypeDefinitionNode) => ObjectTypeDefinitionNode): string {
  let found = false;
  const doc = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      found = true;
      return edit(node);
    },
  });
  if (!found) throw new Error(`No type ${typeName} in the schema`);
  return print(doc);
}

function editField(sdl: string, typeName: string, fieldName: string, edit: (f: FieldDefinitionNode) => FieldDefinitionNode | null): string {
  return editType(sdl, typeName, (t) => {
    const field = t.fields?.find((f) => f.name.value === fieldName);
    if (!field) throw new Error(`No field ${typeName}.${fieldName} in the schema`);
    const edited = edit(field);
    return { ...t, fields: t.fields!.flatMap((f) => (f !== field ? [f] : edited ? [edited] : [])) };
  });
}

const fieldNode = (sdl: string) => (parse(`type T { ${sdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields![0]!;
const removeField = (sdl: string, typeName: string, fieldName: string) => editField(sdl, typeName, fieldName, () => null);
const addField = (sdl: string, typeName: string, field: string) => editType(sdl, typeName, (t) => ({ ...t, fields: [...(t.fields ?? []), fieldNode(field)] }));
/** Marks a field @deprecated, with the reason as written (undefined: a bare @deprecated). */
const deprecate = (sdl: string, typeName: string, fieldName: string, reason?: string) =>
  editField(sdl, typeName, fieldName, (f) => ({
    ...f,
    directives: [...(f.directives ?? []), ...(fieldNode(`x: Int @deprecated${reason === undefined ? '' : `(reason: ${JSON.stringify(reason)})`}`).directives ?? [])],
  }));

/** Composing and diffing a 150 kB schema takes seconds on a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };

const intentional = (path: string, reason = 'Replaced by the gebieden of Query.gemeente'): IntentionalChange => ({ path, reason, date: '2026-11-23' });

describe('schema:check on the checked-in files', SLOW, () => {
  it('passes: the composed supergraph keeps the released contract (what CI runs through npm test)', async () => {
    const result = await checkFiles();
    expect(result.unmarkedBreaking).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.deprecationsWithoutReason).toEqual([]);
    expect(result.undocumented).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('checkSchema', SLOW, () => {
  it('passes without changes', async () => {
    const result = await checkSchema({ released: current, current, intentional: [] });
    expect(result.changes).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fails on a removed field, naming it as BREAKING', async () => {
    const result = await checkSchema({ released: current, current: removeField(current, 'Query', 'gebieden'), intentional: [] });
    expect(result.ok).toBe(false);
    expect(result.unmarkedBreaking).toEqual([expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Query.gebieden' })]);
  });

  it('passes when that removal is listed as intentional, and carries the reason', async () => {
    const entry = intentional('Query.gebieden');
    const result = await checkSchema({ released: current, current: removeField(current, 'Query', 'gebieden'), intentional: [entry] });
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([expect.objectContaining({ criticality: 'BREAKING', path: 'Query.gebieden', intentional: entry })]);
    expect(result.unmarkedBreaking).toEqual([]);
  });

  it('passes a new optional field as NON_BREAKING', async () => {
    const next = addField(current, 'Wijk', '"""Inwoners van de wijk op 1 januari (CBS)."""\ninwonertal: Int');
    const result = await checkSchema({ released: current, current: next, intentional: [] });
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([expect.objectContaining({ criticality: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Wijk.inwonertal' })]);
  });

  it('fails when a nullable argument becomes non-null', async () => {
    const next = editField(current, 'Query', 'hulpvragen', (f) => ({
      ...f,
      arguments: f.arguments?.map((a) => (a.name.value === 'wijk' ? { ...a, type: { kind: Kind.NON_NULL_TYPE, type: a.type as never } } : a)),
    }));
    const result = await checkSchema({ released: current, current: next, intentional: [] });
    expect(result.ok).toBe(false);
    expect(result.unmarkedBreaking).toEqual([expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.hulpvragen.wijk' })]);
  });

  it('fails on a @deprecated without a reason, and passes one with a reason', async () => {
    const bare = await checkSchema({ released: current, current: deprecate(current, 'Wijk', 'gebied'), intentional: [] });
    expect(bare.ok).toBe(false);
    expect(bare.deprecationsWithoutReason).toEqual(['Wijk.gebied']);
    const withDefault = await checkSchema({ released: current, current: deprecate(current, 'Wijk', 'gebied', 'No longer supported'), intentional: [] });
    expect(withDefault.deprecationsWithoutReason).toEqual(['Wijk.gebied']);
    const reasoned = await checkSchema({ released: current, current: deprecate(current, 'Wijk', 'gebied', 'Use Wijk.gebiedNaam; removed after 2027-06-30.'), intentional: [] });
    expect(reasoned.ok).toBe(true);
    expect(reasoned.changes).toEqual([expect.objectContaining({ criticality: 'NON_BREAKING', type: 'FIELD_DEPRECATION_ADDED', path: 'Wijk.gebied.@deprecated' })]);
  });

  it('treats removing a field the released contract deprecated as DANGEROUS, not BREAKING', async () => {
    const released = deprecate(current, 'Wijk', 'gebied', 'Use Gebied.naam of Wijk.gebiedRef.');
    const result = await checkSchema({ released, current: removeField(current, 'Wijk', 'gebied'), intentional: [] });
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([expect.objectContaining({ criticality: 'DANGEROUS', type: 'FIELD_REMOVED', path: 'Wijk.gebied' })]);
  });

  it('reports (and fails on) an intentional entry that matches no breaking change', async () => {
    const stale = intentional('Query.bestaatNiet');
    const result = await checkSchema({ released: current, current, intentional: [stale] });
    expect(result.stale).toEqual([stale]);
    expect(result.ok).toBe(false);
  });

  it('fails on a new field without a description', async () => {
    const result = await checkSchema({ released: current, current: addField(current, 'Wijk', 'inwonertal: Int'), intentional: [] });
    expect(result.undocumented).toEqual(['Wijk.inwonertal']);
    expect(result.ok).toBe(false);
  });
});

describe('release', SLOW, () => {
  let dir: string;
  let files: ContractFiles;
  const today = '2026-12-01';
  const changelog = () => readFileSync(files.changelog, 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'schema-contract-'));
    files = { supergraph: CONTRACT_FILES.supergraph, released: join(dir, 'released.graphql'), intentional: join(dir, 'intentional.json'), changelog: join(dir, 'CHANGELOG.md') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts version 1 once, and again only while no later version exists', async () => {
    expect(await release(files, { today, initial: true })).toEqual({ status: 'released', version: 1, changes: [] });
    expect(readFileSync(files.released, 'utf8')).toBe(releasedFileText(current));
    expect(changelog()).toContain('## Version 1 (2026-12-01)\n\nInitial released contract.');
    expect(await release(files, { today: '2026-12-02', initial: true })).toEqual({ status: 'unchanged' });
    expect(await release(files, { today })).toEqual({ status: 'unchanged' });
  });

  it('adds a version with the changes by criticality, then has nothing left to release', async () => {
    await release(files, { today: '2026-11-01', initial: true });
    // The released contract had a deprecated field and lacked one the current contract has.
    const older = deprecate(removeField(current, 'Query', 'gebieden'), 'Wijk', 'gebied', 'Use Gebied.naam.');
    writeFileSync(files.released, releasedFileText(addField(older, 'Query', '"""Oud."""\noud: Int @deprecated(reason: "Niet meer nodig.")')));
    const outcome = await release(files, { today, note: 'Wijk.gebied is no longer deprecated; Query.gebieden is back.' });
    expect(outcome).toMatchObject({ status: 'released', version: 2 });
    expect(releasedVersions(changelog())).toEqual([2, 1]);
    expect(changelog()).toMatch(/## Version 2 \(2026-12-01\)\n\nWijk.gebied is no longer deprecated; Query.gebieden is back.\n\n### Dangerous\n\n- `Query.oud`: .*\n\n### Non-breaking\n\n- `Query.gebieden`: /);
    expect(readFileSync(files.released, 'utf8')).toBe(releasedFileText(current));
    expect(await release(files, { today: '2026-12-02' })).toEqual({ status: 'unchanged' });
    expect(releasedVersions(changelog())).toEqual([2, 1]);
    expect(await release(files, { today, initial: true })).toMatchObject({ status: 'refused' });
  });

  it('refuses a breaking change without a reason, and releases it with one, clearing the entry', async () => {
    await release(files, { today: '2026-11-01', initial: true });
    writeFileSync(files.released, releasedFileText(addField(current, 'Query', '"""Alle buurten."""\nbuurten: [String!]!')));
    const refused = await release(files, { today });
    expect(refused).toMatchObject({ status: 'refused' });
    expect(refused.status === 'refused' && refused.report).toContain('Query.buurten');
    expect(releasedVersions(changelog())).toEqual([1]);

    writeFileSync(files.intentional, JSON.stringify({ changes: [intentional('Query.buurten', 'Buurten were never filled; no partner used them.')] }));
    expect(await release(files, { today })).toMatchObject({ status: 'released', version: 2 });
    expect(changelog()).toContain('### Breaking\n\n- `Query.buurten`: Field \'buurten\' was removed from object type \'Query\'. Intentional (2026-11-23): Buurten were never filled; no partner used them.');
    expect(readIntentional(files.intentional)).toEqual([]);
  });
});
