import { GraphQLObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import { ROLES, type Rol } from './roles';
import { forbidden } from './errors';
import type { SubgraphContext } from './context';

/**
 * Authorisation as data. A policy maps `Type.field` to what each role may do:
 * - 'allow':    the role may read the field on every row it can reach;
 * - 'relation': the role may read it only on rows its relation to the resident allows.
 *               The row filter is applied in SQL by the repositories (relations.ts);
 *               here it counts as allow, the marker is for review and tests.
 * A role, type or field that is not listed is denied.
 */
export type Access = 'allow' | 'relation';
export type FieldAccess = Partial<Record<Rol, Access>>;
export type Policy = Record<string, Record<string, FieldAccess>>;
export type Decision = Access | 'deny';

/** Pure evaluator: the single place that answers "may this role read Type.field?". */
export function decide(policy: Policy, rol: Rol, typeName: string, fieldName: string): Decision {
  return policy[typeName]?.[fieldName]?.[rol] ?? 'deny';
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
 * Builds the graphql-shield middleware for a subgraph schema from its policy. Every
 * object field gets a rule; anything else falls back to deny with a FORBIDDEN error.
 * Throws when the policy names a type or field the schema does not have, so a policy
 * cannot silently drift from the SDL.
 */
export function policyShield(schema: GraphQLSchema, policy: Policy) {
  const ruleTree: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fieldPolicies] of Object.entries(policy)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) throw new Error(`Policy names unknown type ${typeName}`);
    const schemaFields = (type as GraphQLObjectType).getFields();
    ruleTree[typeName] ??= {};
    for (const [fieldName, access] of Object.entries(fieldPolicies)) {
      if (!schemaFields[fieldName]) throw new Error(`Policy names unknown field ${typeName}.${fieldName}`);
      const allowed = new Set(Object.keys(access));
      ruleTree[typeName]![fieldName] = rule(`${typeName}.${fieldName}`, { cache: 'no_cache' })(
        (_parent, _args, ctx: SubgraphContext) => allowed.has(ctx.scope.rol) || forbidden(`Not allowed for this role: ${typeName}.${fieldName}`),
      );
    }
  }
  for (const [typeName, names] of Object.entries(FEDERATION_FIELDS)) {
    if (!schema.getType(typeName)) continue;
    ruleTree[typeName] ??= {};
    for (const n of names) ruleTree[typeName]![n] = allow;
  }
  return shield(ruleTree as never, {
    fallbackRule: deny,
    fallbackError: () => forbidden(),
    allowExternalErrors: true,
    debug: false,
  });
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

/** Personal data of a resident: the consulent always, care workers and the resident by relation. */
export const personReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  'hh-medewerker': 'relation',
  inwoner: 'relation',
};
