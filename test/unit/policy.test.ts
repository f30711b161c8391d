import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { decide, policyShield, policyTargets, type Policy } from '../../subgraphs/shared/policy';
import { ROLES } from '../../subgraphs/shared/roles';
import { loadTypeDefs } from '../../subgraphs/shared/subgraph';

const policy: Policy = {
  Inwoner: { bsn: { 'gemeente-consulent': 'allow' }, naam: { 'gemeente-consulent': 'allow', inwoner: 'relation' } },
};

describe('policy evaluator', () => {
  it.each([
    ['gemeente-consulent', 'Inwoner', 'bsn', 'allow'],
    ['inwoner', 'Inwoner', 'bsn', 'deny'],
    ['inwoner', 'Inwoner', 'naam', 'relation'],
    ['fg', 'Inwoner', 'naam', 'deny'],
    ['gemeente-consulent', 'Inwoner', 'unknownField', 'deny'],
    ['gemeente-consulent', 'UnknownType', 'bsn', 'deny'],
  ] as const)('%s on %s.%s -> %s', (rol, type, field, expected) => {
    expect(decide(policy, rol, type, field)).toBe(expected);
  });

  it('refuses a policy that names a field the schema does not have', () => {
    const schema = buildSubgraphSchema({ typeDefs: parse('type Query { a: String }') });
    expect(() => policyShield(schema, { Query: { b: { fg: 'allow' } } })).toThrow(/unknown field Query.b/);
    expect(() => policyShield(schema, { Nope: { b: { fg: 'allow' } } })).toThrow(/unknown type Nope/);
  });

  it.each(Object.values(SUBGRAPH_MODULES).map((m) => [m.name, m] as const))('%s: every field has a rule granting at least one role', (_name, module) => {
    const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(module.typeDefsPath), resolvers: module.resolvers as never });
    for (const target of policyTargets(schema)) {
      const [type, field] = target.split('.') as [string, string];
      const roles = ROLES.filter((r) => decide(module.policy, r, type, field) !== 'deny');
      expect(roles.length, target).toBeGreaterThan(0);
    }
  });

  it('keeps the BSN readable by gemeente-consulent alone', () => {
    const roles = ROLES.filter((r) => decide(SUBGRAPH_MODULES.basisondersteuning.policy, r, 'Inwoner', 'bsn') !== 'deny');
    expect(roles).toEqual(['gemeente-consulent']);
  });
});
