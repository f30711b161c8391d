import { GraphQLObjectType, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IMiddleware, IMiddlewareGenerator } from 'graphql-middleware';
import { ROLES, type Rol } from './roles';
import { betrokkenenVan, forbidden } from './errors';
import type { SubgraphContext } from './context';
import { MAX_NIVEAU, NIVEAUS, PERSOONSGEGEVEN, rang, type Niveau } from './vertrouwelijkheid';
import { asList, type Betrokkene } from './verwerkingen';

/**
 * Authorisation as data. Each subgraph declares one PolicySet (permissions.ts):
 * - `regels`: `Type.field` -> what each role may do:
 *   - 'allow':    the role reads the field on every row it can reach;
 *   - 'relation': only on rows its relation to the resident allows. The row filter is
 *                 applied in SQL by the loaders (relations.ts); here it counts as allow,
 *                 the marker is for review and tests;
 *   - 'mask':     like 'relation', but the role gets the reduced value of `maskers`;
 *   a role, type or field that is not listed is denied;
 * - `niveaus`: the confidentiality level of every field (a type default '*' with
 *   per-field overrides); a role never reads above its MAX_NIVEAU;
 * - `betrokkenen`: for every type holding personal data, how to find the resident a
 *   row is about, so reading it writes the processing log (verwerkingen.ts);
 * - `maskers`: the reduction applied for 'mask';
 * - `wijzigingen`: for a personal mutation whose result does not name its resident(s)
 *   (a household plan, a transfer report), which residents it changed.
 */
export type Access = 'allow' | 'relation' | 'mask';
export type FieldAccess = Partial<Record<Rol, Access>>;
export type Policy = Record<string, Record<string, FieldAccess>>;
export type Decision = Access | 'deny';
export type Niveaus = Record<string, Niveau | Record<string, Niveau>>;
export type Maskers = Record<string, (value: unknown) => unknown>;
/** The residents a mutation changed, from its result. */
export type Wijziging = (result: unknown, ctx: SubgraphContext) => Promise<readonly string[]> | readonly string[];

export interface PolicySet {
  regels: Policy;
  niveaus: Niveaus;
  betrokkenen: Record<string, Betrokkene>;
  maskers?: Maskers;
  wijzigingen?: Record<string, Wijziging>;
}

const ROOT_TYPES = new Set(['Query', 'Mutation']);

/** The level of `Type.field`: the field's own, else the type's default ('*'). */
export function niveauVan(set: Pick<PolicySet, 'niveaus'>, typeName: string, fieldName: string): Niveau | undefined {
  const entry = set.niveaus[typeName];
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return entry;
  return entry[fieldName] ?? entry['*'];
}

/** Pure evaluator: the single place that answers "may this role read Type.field, and how?". */
export function decide(set: Pick<PolicySet, 'regels' | 'niveaus'>, rol: Rol, typeName: string, fieldName: string): Decision {
  const access = set.regels[typeName]?.[fieldName]?.[rol];
  if (!access) return 'deny';
  const niveau = niveauVan(set, typeName, fieldName);
  if (!niveau || rang(niveau) > rang(MAX_NIVEAU[rol])) return 'deny';
  return access;
}

/** Helpers that keep the policy tables short and readable. */
export function grant(access: Access, roles: readonly Rol[]): FieldAccess {
  return Object.fromEntries(roles.map((r) => [r, access])) as FieldAccess;
}
export const everyone: FieldAccess = grant('allow', ROLES);
export function fields(names: readonly string[], access: FieldAccess): Record<string, FieldAccess> {
  return Object.fromEntries(names.map((n) => [n, access]));
}

/** Federation plumbing; the internal token already guards every request to a subgraph. */
const FEDERATION_FIELDS: Record<string, readonly string[]> = {
  Query: ['_service', '_entities'],
  _Service: ['sdl'],
};

/**
 * Checks a policy set against its schema and itself, so it cannot drift silently:
 * every named type and field exists, every ruled field has a level, no role is granted
 * a field above its maximum level, every 'mask' has a masker, and every type with
 * personal fields says how its resident is found. Returns the problems (empty = sound).
 */
export function policyProblems(schema: GraphQLSchema, set: PolicySet): string[] {
  const problems: string[] = [];
  const objectFields = (typeName: string) => {
    const type = schema.getType(typeName);
    return type && isObjectType(type) ? (type as GraphQLObjectType).getFields() : undefined;
  };
  for (const [typeName, fieldPolicies] of Object.entries(set.regels)) {
    const schemaFields = objectFields(typeName);
    if (!schemaFields) {
      problems.push(`Policy names unknown type ${typeName}`);
      continue;
    }
    for (const [fieldName, access] of Object.entries(fieldPolicies)) {
      const target = `${typeName}.${fieldName}`;
      if (!schemaFields[fieldName]) problems.push(`Policy names unknown field ${target}`);
      const niveau = niveauVan(set, typeName, fieldName);
      if (!niveau || !NIVEAUS.includes(niveau)) {
        problems.push(`No confidentiality level for ${target}`);
        continue;
      }
      for (const [rol, a] of Object.entries(access) as Array<[Rol, Access]>) {
        if (rang(niveau) > rang(MAX_NIVEAU[rol])) problems.push(`${target} (${niveau}) is granted to ${rol}, whose maximum is ${MAX_NIVEAU[rol]}`);
        if (a === 'mask' && !set.maskers?.[target]) problems.push(`${target} is masked for ${rol} but has no masker`);
      }
      if (rang(niveau) >= rang(PERSOONSGEGEVEN) && !ROOT_TYPES.has(typeName) && !set.betrokkenen[typeName]) {
        problems.push(`${target} is personal data (${niveau}) but ${typeName} has no betrokkene`);
      }
    }
  }
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const [name, field] of Object.entries(mutations)) {
    const niveau = niveauVan(set, 'Mutation', name);
    if (!niveau || rang(niveau) < rang(PERSOONSGEGEVEN) || set.wijzigingen?.[name]) continue;
    const result = getNamedType(field.type).name;
    if (typeof set.betrokkenen[result] !== 'function') {
      problems.push(`Mutation.${name} changes personal data but neither its result (${result}) nor wijzigingen names the resident`);
    }
  }
  for (const [typeName, entry] of Object.entries(set.niveaus)) {
    const schemaFields = objectFields(typeName);
    if (!schemaFields) problems.push(`Levels name unknown type ${typeName}`);
    else if (typeof entry !== 'string') {
      for (const f of Object.keys(entry)) if (f !== '*' && !schemaFields[f]) problems.push(`Levels name unknown field ${typeName}.${f}`);
    }
  }
  return problems;
}

/**
 * The middlewares that enforce a policy set on a subgraph schema: graphql-shield with
 * a rule per field (deny by default, FORBIDDEN), which also records each personal
 * field read in the request's processing log; then the maskers. Throws when the policy
 * set has problems (policyProblems).
 */
export function policyMiddleware(schema: GraphQLSchema, set: PolicySet): Array<IMiddleware | IMiddlewareGenerator<unknown, unknown, unknown>> {
  const problems = policyProblems(schema, set);
  if (problems.length > 0) throw new Error(`Unsound policy:\n  - ${problems.join('\n  - ')}`);
  const ruleTree: Record<string, Record<string, unknown>> = {};
  // Middleware that acts on a resolved value: masks, and the residents a mutation changed.
  type After = (value: unknown, ctx: SubgraphContext, info: GraphQLResolveInfo) => unknown;
  type OnError = (error: unknown, ctx: SubgraphContext) => void;
  const afterTree: Record<string, Record<string, { fn: After; onError?: OnError }>> = {};
  const after = (typeName: string, fieldName: string, fn: After, onError?: OnError) => ((afterTree[typeName] ??= {})[fieldName] = { fn, onError });
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  for (const [typeName, fieldPolicies] of Object.entries(set.regels)) {
    ruleTree[typeName] ??= {};
    const betrokkene = set.betrokkenen[typeName];
    for (const fieldName of Object.keys(fieldPolicies)) {
      const target = `${typeName}.${fieldName}`;
      const decisions = new Map(ROLES.map((r) => [r, decide(set, r, typeName, fieldName)]));
      const niveau = rang(niveauVan(set, typeName, fieldName)!);
      const personal = !ROOT_TYPES.has(typeName) && niveau >= rang(PERSOONSGEGEVEN);
      ruleTree[typeName]![fieldName] = rule(target, { cache: 'no_cache' })((parent, _args, ctx: SubgraphContext, info) => {
        if (decisions.get(ctx.scope.rol) === 'deny') return forbidden(`Not allowed for this role: ${target}`);
        if (personal && betrokkene) ctx.verwerkingen?.veld(target, niveau, parent, info.path, betrokkene, ctx);
        return true;
      });
      const masker = set.maskers?.[target];
      if (masker && [...decisions.values()].includes('mask')) {
        after(typeName, fieldName, (value, ctx) => (decisions.get(ctx.scope.rol) === 'mask' && value != null ? masker(value) : value));
      }
      // A change is logged even when the client selects nothing personal from the result.
      const mutation = typeName === 'Mutation' ? mutationFields[fieldName] : undefined;
      const wijziging = set.wijzigingen?.[fieldName];
      if (mutation && (wijziging || niveau >= rang(PERSOONSGEGEVEN))) {
        const extractor = set.betrokkenen[getNamedType(mutation.type).name];
        after(typeName, fieldName, async (value, ctx, info) => {
          let ids: readonly string[] = [];
          if (wijziging) {
            ids = await wijziging(value, ctx);
            // The fields of the result (a plan, a goal) belong to the same residents.
            if (value != null && !Array.isArray(value)) ctx.verwerkingen?.object(info.path, ids);
          } else if (typeof extractor === 'function') {
            const perRow = await Promise.all((Array.isArray(value) ? value : [value]).map((v) => (v == null ? null : extractor(v, ctx))));
            ids = perRow.flatMap(asList);
          }
          for (const id of ids) ctx.verwerkingen?.betrokkene(id, target, niveau);
          return value;
        }, (error, ctx) => {
          // A refused change that names the case's state (a CONFLICT) disclosed that state.
          for (const id of betrokkenenVan(error)) ctx.verwerkingen?.betrokkene(id, target, niveau);
        });
      }
    }
  }
  const afterMiddleware = Object.fromEntries(Object.entries(afterTree).map(([typeName, fns]) => [typeName, Object.fromEntries(
    Object.entries(fns).map(([fieldName, { fn, onError }]) => [fieldName, async (resolve: GraphQLFieldResolver<unknown, SubgraphContext>, parent: unknown, args: unknown, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
      let value: unknown;
      try {
        value = await (resolve as (...a: unknown[]) => unknown)(parent, args, ctx, info);
      } catch (error) {
        onError?.(error, ctx);
        throw error;
      }
      return fn(value, ctx, info);
    }]),
  )]));
  for (const [typeName, names] of Object.entries(FEDERATION_FIELDS)) {
    if (!schema.getType(typeName)) continue;
    ruleTree[typeName] ??= {};
    for (const n of names) ruleTree[typeName]![n] = allow;
  }
  const guard = shield(ruleTree as never, {
    fallbackRule: deny,
    fallbackError: () => forbidden(),
    allowExternalErrors: true,
    debug: false,
  });
  return Object.keys(afterMiddleware).length > 0 ? [guard, afterMiddleware as IMiddleware] : [guard];
}

/** Every `Type.field` of the object types in a schema that a policy must cover (tests use it). */
export function policyTargets(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const f of Object.keys(type.getFields())) {
      if (FEDERATION_FIELDS[type.name]?.includes(f)) continue;
      out.push(`${type.name}.${f}`);
    }
  }
  return out.sort();
}

/** Suppressed aggregates: every role except those that act for a single person. */
export const aggregateReaders: FieldAccess = grant(
  'allow',
  ROLES.filter((r) => r !== 'inwoner' && r !== 'vrijwilliger'),
);

/**
 * Steering figures per wijk, gebied and gemeente (issue 8): the municipality's policy and
 * contract management and the advisory council, and the parties of the pillars (the
 * providers asked to see who is active where and with how many clients). All see
 * suppressed figures; a provider sees its own organisation exact where figures are per
 * organisation. Not the roles that act for one person, not partner systems or the fg.
 */
export const monitorReaders: FieldAccess = grant('allow', [
  'gemeente-beleid', 'gemeente-contractmanager', 'adviesraad',
  'vol-coordinator', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker',
]);

/**
 * Figures in which a provider's own clients are mixed with other providers' without
 * being separable (clients per wijk or product of a pillar, waiting times): a provider
 * that knows its own part could subtract it, so these go to the municipality, the
 * advisory council and the sociale basis only. Providers get the per-organisation tables
 * (own organisation exact, the rest suppressed without it).
 */
export const gemeenteMonitorReaders: FieldAccess = grant('allow', ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'vol-coordinator']);

/** The roles that act for a provider of care (they know their own clients). */
export const LEVERANCIERS: readonly Rol[] = ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'];

/** Personal data of a resident: the consulent always, care workers and the resident by relation. */
export const personReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  'hh-medewerker': 'relation',
  inwoner: 'relation',
};

/** Betrokkene of a row whose resident is in `inwonerId` (most tables). */
export const viaInwonerId: Betrokkene = (row) => (row as { inwonerId?: string | null }).inwonerId ?? null;

