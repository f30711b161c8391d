import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { decide, niveauVan, policyMiddleware, policyProblems, policyTargets, type PolicySet } from '../../subgraphs/shared/policy';
import { ROLES } from '../../subgraphs/shared/roles';
import { loadTypeDefs } from '../../subgraphs/shared/subgraph';
import { MAX_NIVEAU, rang } from '../../subgraphs/shared/vertrouwelijkheid';
import { achternaamInitiaal } from '../../subgraphs/basisondersteuning/permissions';

const set: PolicySet = {
  regels: {
    Inwoner: {
      bsn: { 'gemeente-consulent': 'allow', 'basis-medewerker': 'allow' },
      naam: { 'gemeente-consulent': 'allow', inwoner: 'relation', vrijwilliger: 'mask' },
      wijk: { 'gemeente-beleid': 'allow' },
    },
  },
  niveaus: { Inwoner: { '*': 'vertrouwelijk', bsn: 'geheim' } },
  betrokkenen: { Inwoner: (i) => (i as { id: string }).id },
  maskers: { 'Inwoner.naam': (v) => String(v)[0] },
};

describe('policy evaluator', () => {
  it.each([
    ['gemeente-consulent', 'Inwoner', 'bsn', 'allow'],
    ['inwoner', 'Inwoner', 'bsn', 'deny'],
    ['inwoner', 'Inwoner', 'naam', 'relation'],
    ['vrijwilliger', 'Inwoner', 'naam', 'mask'],
    ['fg', 'Inwoner', 'naam', 'deny'],
    // Granted, but above the role's maximum level: the level wins.
    ['gemeente-beleid', 'Inwoner', 'wijk', 'deny'],
    ['gemeente-consulent', 'Inwoner', 'unknownField', 'deny'],
    ['gemeente-consulent', 'UnknownType', 'bsn', 'deny'],
  ] as const)('%s on %s.%s -> %s', (rol, type, field, expected) => {
    expect(decide(set, rol, type, field)).toBe(expected);
  });

  it('finds a field level from the field or the type default', () => {
    expect(niveauVan(set, 'Inwoner', 'bsn')).toBe('geheim');
    expect(niveauVan(set, 'Inwoner', 'naam')).toBe('vertrouwelijk');
    expect(niveauVan(set, 'Adres', 'straat')).toBeUndefined();
  });

  it('refuses an unsound policy: unknown names, missing levels, grants above the maximum, masks without masker, no betrokkene', () => {
    const schema = buildSubgraphSchema({ typeDefs: parse('type Query { a: String, b: String } type Inwoner { id: ID!, naam: String }') });
    const problems = policyProblems(schema, {
      regels: {
        Query: { a: { fg: 'allow' }, c: { fg: 'allow' } },
        Nope: { b: { fg: 'allow' } },
        Inwoner: { naam: { 'gemeente-beleid': 'allow', vrijwilliger: 'mask' } },
      },
      niveaus: { Query: { b: 'openbaar' }, Inwoner: 'vertrouwelijk' },
      betrokkenen: {},
    });
    expect(problems).toEqual(expect.arrayContaining([
      'No confidentiality level for Query.a',
      'Policy names unknown field Query.c',
      'Policy names unknown type Nope',
      'Inwoner.naam (vertrouwelijk) is granted to gemeente-beleid, whose maximum is intern',
      'Inwoner.naam is masked for vrijwilliger but has no masker',
      'Inwoner.naam is personal data (vertrouwelijk) but Inwoner has no betrokkene',
    ]));
    expect(() => policyMiddleware(schema, { regels: { Query: { c: { fg: 'allow' } } }, niveaus: {}, betrokkenen: {} })).toThrow(/unknown field Query.c/);
  });

  it.each(Object.values(SUBGRAPH_MODULES).map((m) => [m.name, m] as const))('%s: the policy is sound and every field has a rule granting at least one role', (_name, module) => {
    const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(module.typeDefsPath), resolvers: module.resolvers as never });
    expect(policyProblems(schema, module.policy)).toEqual([]);
    for (const target of policyTargets(schema)) {
      const [type, field] = target.split('.') as [string, string];
      expect(niveauVan(module.policy, type, field), `${target} has a level`).toBeDefined();
      const roles = ROLES.filter((r) => decide(module.policy, r, type, field) !== 'deny');
      expect(roles.length, target).toBeGreaterThan(0);
      for (const r of roles) expect(rang(niveauVan(module.policy, type, field)!)).toBeLessThanOrEqual(rang(MAX_NIVEAU[r]));
    }
  });

  it('keeps the BSN readable by gemeente-consulent alone, and classified geheim', () => {
    const bo = SUBGRAPH_MODULES.basisondersteuning.policy;
    expect(ROLES.filter((r) => decide(bo, r, 'Inwoner', 'bsn') !== 'deny')).toEqual(['gemeente-consulent']);
    expect(niveauVan(bo, 'Inwoner', 'bsn')).toBe('geheim');
  });

  it('masks a surname to the initial of its last part', () => {
    expect(achternaamInitiaal('de Vries')).toBe('V.');
    expect(achternaamInitiaal('van der Berg')).toBe('B.');
    expect(achternaamInitiaal('Öztürk')).toBe('Ö.');
    expect(achternaamInitiaal('  ')).toBe('');
  });
});
