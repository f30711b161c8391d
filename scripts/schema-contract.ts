/**
 * The schema contract with partners: the API schema of the composed supergraph, compared
 * with the last released one (schema/released.graphql) by @graphql-inspector/core.
 * `npm run schema:check` and `npm run schema:release` (scripts/schema-check.ts) are thin
 * wrappers around this module; the unit tests call it directly.
 *
 * Rules of the contract:
 * - a BREAKING change fails the check unless schema/intentional-changes.json lists its path
 *   with a reason and a date; an entry that matches no breaking change is stale and fails too,
 *   so the file never carries excuses for changes that no longer exist;
 * - removing a field, enum value or input field that the released schema already marked
 *   @deprecated is DANGEROUS, not BREAKING (deprecate first, then remove); removing anything
 *   else is breaking as usual;
 * - every @deprecated carries a reason, and every type, field, argument, enum value, input
 *   field and scalar has a description.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph, printSchema as printFederationSchema } from '@apollo/federation-internals';
import { ChangeType, CriticalityLevel, diff, type Change, type Rule } from '@graphql-inspector/core';
import {
  DEFAULT_DEPRECATION_REASON,
  Kind,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  type StringValueNode,
} from 'graphql';
import { z } from 'zod';

const schemaFile = (name: string) => fileURLToPath(new URL(`../schema/${name}`, import.meta.url));

/** Where the contract lives; tests pass copies in a temporary directory. */
export interface ContractFiles {
  supergraph: string;
  released: string;
  intentional: string;
  changelog: string;
}

export const CONTRACT_FILES: ContractFiles = {
  supergraph: schemaFile('supergraph.graphql'),
  released: schemaFile('released.graphql'),
  intentional: schemaFile('intentional-changes.json'),
  changelog: schemaFile('CHANGELOG.md'),
};

/**
 * The schema partners see: the supergraph without the federation machinery (join__, link__,
 * @inaccessible elements), printed as SDL. Printed by federation-internals rather than
 * graphql-js so a bare `@deprecated` stays visible as written (graphql-js would fill in its
 * default reason, and the missing reason could no longer be detected).
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return `${printFederationSchema(Supergraph.build(supergraphSdl).apiSchema()).trimEnd()}\n`;
}

/** One element of the contract that can carry a description and directives. */
interface Element {
  /** Schema coordinate: Type, Type.field, Type.field(arg:), Enum.VALUE, @directive(arg:). */
  coordinate: string;
  description: string | undefined;
  directives: readonly ConstDirectiveNode[];
}

function* elementsOf(doc: DocumentNode): Generator<Element> {
  const element = (coordinate: string, node: { description?: StringValueNode; directives?: readonly ConstDirectiveNode[] }): Element => ({
    coordinate,
    description: node.description?.value,
    directives: node.directives ?? [],
  });
  for (const def of doc.definitions) {
    switch (def.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        yield element(def.name.value, def);
        for (const field of def.fields ?? []) {
          yield element(`${def.name.value}.${field.name.value}`, field);
          for (const arg of field.arguments ?? []) yield element(`${def.name.value}.${field.name.value}(${arg.name.value}:)`, arg);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        yield element(def.name.value, def);
        for (const field of def.fields ?? []) yield element(`${def.name.value}.${field.name.value}`, field);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        yield element(def.name.value, def);
        for (const value of def.values ?? []) yield element(`${def.name.value}.${value.name.value}`, value);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.UNION_TYPE_DEFINITION:
        yield element(def.name.value, def);
        break;
      case Kind.DIRECTIVE_DEFINITION:
        yield element(`@${def.name.value}`, def);
        for (const arg of def.arguments ?? []) yield element(`@${def.name.value}(${arg.name.value}:)`, arg);
        break;
      default:
        break;
    }
  }
}

/** Every type, field, argument, enum value, input field and scalar of an API schema without a description. */
export function undocumented(apiSdl: string): string[] {
  return [...elementsOf(parse(apiSdl))].filter((e) => !e.description?.trim()).map((e) => e.coordinate);
}

/**
 * Every @deprecated without a reason a partner can act on: no reason, an empty one, or
 * graphql's default "No longer supported".
 */
export function deprecationsWithoutReason(apiSdl: string): string[] {
  const problems: string[] = [];
  for (const e of elementsOf(parse(apiSdl))) {
    for (const directive of e.directives) {
      if (directive.name.value !== 'deprecated') continue;
      const reason = directive.arguments?.find((a) => a.name.value === 'reason')?.value;
      const text = reason?.kind === Kind.STRING ? reason.value.trim() : '';
      if (!text || text === DEFAULT_DEPRECATION_REASON) problems.push(e.coordinate);
    }
  }
  return problems;
}

const IntentionalChangeSchema = z.object({
  /** The path of the change exactly as the check prints it, e.g. Query.wijk or Query.wijk.code. */
  path: z.string().min(1),
  reason: z.string().trim().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
});
const IntentionalFileSchema = z.object({
  $comment: z.string().optional(),
  changes: z.array(IntentionalChangeSchema),
});

/** A breaking change the team decided to make: which path, why, and when that was decided. */
export type IntentionalChange = z.infer<typeof IntentionalChangeSchema>;

/** Reads schema/intentional-changes.json; a missing file means no intentional changes. */
export function readIntentional(path: string): IntentionalChange[] {
  if (!existsSync(path)) return [];
  const parsed = IntentionalFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.changes;
}

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

/** One difference between the released and the current contract. */
export interface ContractChange {
  criticality: Criticality;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** Dotted path of the changed element, e.g. Query.wijk.code for the argument code of Query.wijk. */
  path: string;
  message: string;
  /** The intentional-changes entry that allows this breaking change. */
  intentional?: IntentionalChange;
}

export interface CheckResult {
  changes: ContractChange[];
  /** Breaking changes that no intentional entry allows: these fail the check. */
  unmarkedBreaking: ContractChange[];
  /** Intentional entries whose path matches no breaking change. */
  stale: IntentionalChange[];
  deprecationsWithoutReason: string[];
  undocumented: string[];
  ok: boolean;
}

const REMOVALS = new Set<string>([ChangeType.FieldRemoved, ChangeType.EnumValueRemoved, ChangeType.InputFieldRemoved]);

/** Whether the released schema had already deprecated the element at a Type.member path. */
function wasDeprecated(schema: GraphQLSchema | null, path: string): boolean {
  const [typeName, member] = path.split('.');
  const type = typeName ? schema?.getType(typeName) : undefined;
  if (!type || !member) return false;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return type.getFields()[member]?.deprecationReason != null;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason != null;
  return false;
}

/**
 * Removing what the released schema had deprecated is DANGEROUS instead of BREAKING. Our own
 * rule rather than DiffRule.suppressRemovalOfDeprecatedField, which also downgrades the
 * removal of every type, deprecated or not.
 */
const deprecatedRemovalIsDangerous: Rule = ({ changes, oldSchema }) =>
  changes.map((change) =>
    REMOVALS.has(change.type) && change.criticality.level === CriticalityLevel.Breaking && change.path && wasDeprecated(oldSchema, change.path)
      ? { ...change, criticality: { ...change.criticality, level: CriticalityLevel.Dangerous } }
      : change,
  );

const ORDER: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, NON_BREAKING: 2 };

type PlainChange = Omit<ContractChange, 'intentional'>;

/**
 * Whether change `c` only repeats change `o` and is no more severe: graphql-inspector
 * reports a new @deprecated as a deprecation and again as directive usages (the directive,
 * its reason argument), and a new field as added and again as "has description".
 */
function repeats(c: PlainChange, o: PlainChange): boolean {
  if (o === c || ORDER[o.criticality] > ORDER[c.criticality]) return false;
  if (c.type.endsWith('_DESCRIPTION_ADDED')) return o.path === c.path && o.type.endsWith('_ADDED') && !o.type.endsWith('_DESCRIPTION_ADDED');
  if (c.type.startsWith('DIRECTIVE_USAGE_')) return o.type.includes('_DEPRECATION_') && (c.path === o.path || c.path.startsWith(`${o.path}.`));
  return false;
}

/** The changes without those that repeat another: the report and the changelog list each once. */
function withoutRepeats(changes: readonly PlainChange[]): PlainChange[] {
  return changes.filter((c) => !changes.some((o) => repeats(c, o)));
}

/** The changes from the released to the current API schema, breaking first, then by path. */
export async function contractChanges(releasedSdl: string, currentSdl: string): Promise<PlainChange[]> {
  const changes: Change[] = await diff(buildSchema(releasedSdl), buildSchema(currentSdl), [deprecatedRemovalIsDangerous]);
  const plain = changes.map((c) => ({ criticality: c.criticality.level as Criticality, type: String(c.type), path: c.path ?? '', message: c.message }));
  return withoutRepeats(plain)
    .sort((a, b) => ORDER[a.criticality] - ORDER[b.criticality] || a.path.localeCompare(b.path) || a.message.localeCompare(b.message));
}

/**
 * The whole check: the changes with their criticality, which breaking changes are not
 * marked intentional, stale intentional entries, deprecations without reason and elements
 * without description. `ok` is false when any of the last four is non-empty.
 */
export async function checkSchema(input: { released: string; current: string; intentional: readonly IntentionalChange[] }): Promise<CheckResult> {
  const changes: ContractChange[] = (await contractChanges(input.released, input.current)).map((change) => {
    const intentional = change.criticality === 'BREAKING' ? input.intentional.find((i) => i.path === change.path) : undefined;
    return intentional ? { ...change, intentional } : change;
  });
  const unmarkedBreaking = changes.filter((c) => c.criticality === 'BREAKING' && !c.intentional);
  const stale = input.intentional.filter((i) => !changes.some((c) => c.criticality === 'BREAKING' && c.path === i.path));
  const result = {
    changes,
    unmarkedBreaking,
    stale,
    deprecationsWithoutReason: deprecationsWithoutReason(input.current),
    undocumented: undocumented(input.current),
  };
  const ok = [result.unmarkedBreaking, result.stale, result.deprecationsWithoutReason, result.undocumented].every((l) => l.length === 0);
  return { ...result, ok };
}

/** Reads the checked-in files and runs checkSchema on them. */
export async function checkFiles(files: ContractFiles = CONTRACT_FILES): Promise<CheckResult> {
  if (!existsSync(files.released)) throw new Error(`${files.released} not found: cut the initial release with "npm run schema:release -- --initial".`);
  return checkSchema({
    released: readFileSync(files.released, 'utf8'),
    current: apiSchemaSdl(readFileSync(files.supergraph, 'utf8')),
    intentional: readIntentional(files.intentional),
  });
}

/** The report schema:check prints: every change with its criticality, then what fails. */
export function formatReport(result: CheckResult): string {
  const lines: string[] = [];
  lines.push(result.changes.length === 0 ? 'No changes against the released contract.' : `${result.changes.length} change(s) against the released contract:`);
  for (const c of result.changes) {
    const note = c.intentional ? `  [intentional, ${c.intentional.date}: ${c.intentional.reason}]` : '';
    lines.push(`  ${c.criticality.padEnd(12)} ${c.path}: ${c.message}${note}`);
  }
  const section = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section('Breaking changes not listed in schema/intentional-changes.json', result.unmarkedBreaking.map((c) => c.path));
  section('Stale entries in schema/intentional-changes.json (no breaking change at this path)', result.stale.map((i) => `${i.path} (${i.date}: ${i.reason})`));
  section('@deprecated without a reason', result.deprecationsWithoutReason);
  section('Without a description', result.undocumented);
  lines.push(result.ok ? 'Schema contract: OK' : 'Schema contract: FAILED');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// Releases and the changelog
// ---------------------------------------------------------------------------------------

const CHANGELOG_HEADER = `# Schema changelog

The GraphQL contract of the Wmo supergraph Leeuwarden as partners see it: every released
version of \`schema/released.graphql\`, newest first. Entries are generated by
\`npm run schema:release\` from the diff with the previous release (graphql-inspector); the
sentence under each heading is written by a person (\`--note\`, or edit it afterwards).
BREAKING changes are only released when \`schema/intentional-changes.json\` gave a reason;
that reason is repeated here.
`;

const ENTRY_MARKER = /^<!-- schema-release: (\d+) -->$/m;
const NOTE_PLACEHOLDER = '<!-- One sentence for partners: what changed and why. -->';
const GROUPS: ReadonlyArray<[Criticality, string]> = [
  ['BREAKING', 'Breaking'],
  ['DANGEROUS', 'Dangerous'],
  ['NON_BREAKING', 'Non-breaking'],
];

/** The version numbers of the releases in a changelog, newest first as they appear. */
export function releasedVersions(changelog: string): number[] {
  return [...changelog.matchAll(new RegExp(ENTRY_MARKER.source, 'gm'))].map((m) => Number(m[1]));
}

function entryText(version: number, date: string, note: string | undefined, body: string): string {
  return `<!-- schema-release: ${version} -->\n## Version ${version} (${date})\n\n${note?.trim() || NOTE_PLACEHOLDER}\n\n${body.trimEnd()}\n`;
}

/** The changelog entry of a release: its changes grouped by criticality. */
export function changelogEntry(version: number, date: string, changes: readonly ContractChange[], note?: string): string {
  const body = GROUPS.flatMap(([level, title]) => {
    const group = changes.filter((c) => c.criticality === level);
    if (group.length === 0) return [];
    const items = group.map((c) => {
      const why = c.intentional ? `. Intentional (${c.intentional.date}): ${c.intentional.reason}` : '';
      return `- \`${c.path}\`: ${c.message}${why}`;
    });
    return [`### ${title}`, '', ...items, ''];
  }).join('\n');
  return entryText(version, date, note, body);
}

/** Inserts an entry above the newest one (or after the header of a new changelog). */
export function addEntry(changelog: string | undefined, entry: string): string {
  const text = changelog ?? CHANGELOG_HEADER;
  const first = text.search(ENTRY_MARKER);
  return first < 0 ? `${text.trimEnd()}\n\n${entry}` : `${text.slice(0, first)}${entry}\n${text.slice(first)}`;
}

function summary(apiSdl: string): string {
  const elements = [...elementsOf(parse(apiSdl))];
  const types = elements.filter((e) => !e.coordinate.includes('.') && !e.coordinate.startsWith('@')).length;
  return `${types} types and ${elements.length - types} fields, arguments, enum values and input fields.`;
}

const RELEASED_HEADER = `# The released partner contract of the Wmo supergraph Leeuwarden (API schema, without the
# federation machinery). Generated by "npm run schema:release"; do not edit. Changes: schema/CHANGELOG.md.

`;

/** The text of schema/released.graphql for an API schema: a header, then the SDL. */
export const releasedFileText = (apiSdl: string) => `${RELEASED_HEADER}${apiSdl}`;

export type ReleaseOutcome =
  | { status: 'released'; version: number; changes: ContractChange[] }
  | { status: 'unchanged' }
  | { status: 'refused'; report: string };

const writeIntentional = (path: string, changes: readonly IntentionalChange[]) => {
  const previous = existsSync(path) ? IntentionalFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).$comment : undefined;
  writeFileSync(path, `${JSON.stringify({ ...(previous ? { $comment: previous } : {}), changes }, null, 2)}\n`);
};

/**
 * Cuts a release: the current API schema becomes schema/released.graphql, the changelog
 * gets an entry with the changes since the previous release, and the intentional entries
 * (now part of the release, their reasons in the changelog) are cleared. Refused when the
 * check fails. Idempotent: with nothing changed it writes nothing.
 *
 * `initial` (re)cuts version 1, "Initial released contract", from the current schema; it is
 * refused once a later version exists, and re-running it keeps the date of version 1. That
 * lets the released contract be regenerated until the first real change is released.
 */
export async function release(
  files: ContractFiles,
  options: { today: string; note?: string; initial?: boolean },
): Promise<ReleaseOutcome> {
  const current = apiSchemaSdl(readFileSync(files.supergraph, 'utf8'));
  const changelog = existsSync(files.changelog) ? readFileSync(files.changelog, 'utf8') : undefined;
  const versions = changelog ? releasedVersions(changelog) : [];
  if (options.initial) {
    if (versions.some((v) => v > 1)) return { status: 'refused', report: `Version ${Math.max(...versions)} is released already; --initial only (re)cuts version 1.` };
    const problems = [...deprecationsWithoutReason(current).map((c) => `@deprecated without a reason: ${c}`), ...undocumented(current).map((c) => `Without a description: ${c}`)];
    if (problems.length > 0) return { status: 'refused', report: problems.join('\n') };
    const date = changelog?.match(/^## Version 1 \((\d{4}-\d{2}-\d{2})\)$/m)?.[1] ?? options.today;
    const entry = entryText(1, date, 'Initial released contract.', summary(current));
    const unchanged = existsSync(files.released) && readFileSync(files.released, 'utf8') === releasedFileText(current) && changelog === addEntry(undefined, entry);
    if (unchanged) return { status: 'unchanged' };
    writeFileSync(files.released, releasedFileText(current));
    writeFileSync(files.changelog, addEntry(undefined, entry));
    writeIntentional(files.intentional, []);
    return { status: 'released', version: 1, changes: [] };
  }
  if (!existsSync(files.released)) return { status: 'refused', report: `${files.released} not found: cut the first release with --initial.` };
  const released = readFileSync(files.released, 'utf8');
  if (released === releasedFileText(current)) return { status: 'unchanged' };
  const result = await checkSchema({ released, current, intentional: readIntentional(files.intentional) });
  if (!result.ok) return { status: 'refused', report: formatReport(result) };
  writeFileSync(files.released, releasedFileText(current));
  // Only layout differs (e.g. a reordered definition): nothing for partners to read.
  if (result.changes.length === 0) return { status: 'unchanged' };
  const version = Math.max(0, ...versions) + 1;
  writeFileSync(files.changelog, addEntry(changelog, changelogEntry(version, options.today, result.changes, options.note)));
  writeIntentional(files.intentional, []);
  return { status: 'released', version, changes: result.changes };
}
