/** The tender's rules, enforced where contracts are registered (issues 5 and 6). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
let manager: string;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 50 });
  manager = await stack.token({ rol: 'gemeente-contractmanager' });
});
afterAll(() => stack?.stop());

const REGISTER = 'mutation($input: ContractInput!) { contractRegistreren(input: $input) { perceel rol organisatie { id } hoofdaanbieder { id } } }';
const reg = (input: Record<string, unknown>) => stack.query(REGISTER, { token: manager, variables: { input: { ingangsdatum: '2027-01-01', ...input } } });
const code = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;

describe('contract register', () => {
  it('shows the seeded tender: one basis party, hoofdaanbieders and onderaannemers per lot', async () => {
    const res = await stack.query('{ contracten { perceel rol einddatum organisatie { id } hoofdaanbieder { id } } }', { token: manager });
    const c = res.body.data!.contracten as Array<{ perceel: string; rol: string; einddatum: string | null; organisatie: { id: string }; hoofdaanbieder: { id: string } | null }>;
    expect(c.filter((x) => x.perceel === 'BASISONDERSTEUNING').map((x) => x.organisatie.id)).toEqual(['amaryllis']);
    const hh = c.filter((x) => x.perceel === 'HULP_BIJ_HET_HUISHOUDEN');
    expect(hh.filter((x) => x.einddatum === null).map((x) => x.organisatie.id).sort()).toEqual(['miep', 'thfl']);
    // The provider whose 8 clients must be placed: its contract ended before the tender.
    expect(hh.filter((x) => x.einddatum !== null).map((x) => [x.organisatie.id, x.einddatum])).toEqual([['hh-gestopt', '2020-12-31']]);
    expect(c.filter((x) => x.rol === 'ONDERAANNEMER')).toHaveLength(10);
    expect(c.filter((x) => x.rol === 'ONDERAANNEMER').every((x) => x.hoofdaanbieder?.id === 'windkracht058')).toBe(true);
  });

  it('refuses a hoofdaanbieder in both basis and aanvullend, but allows it as onderaannemer', async () => {
    const both = await reg({ organisatie: 'windkracht058', perceel: 'BASISONDERSTEUNING', rol: 'HOOFDAANBIEDER' });
    expect(code(both)).toMatchObject({ code: 'CONFLICT' });
    const both2 = await reg({ organisatie: 'amaryllis', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'HOOFDAANBIEDER' });
    expect(code(both2)).toMatchObject({ code: 'CONFLICT' });
    const sub = await reg({ organisatie: 'amaryllis', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'ONDERAANNEMER', hoofdaanbieder: 'windkracht058' });
    expect(sub.body.errors).toBeUndefined();
    expect(sub.body.data!.contractRegistreren).toMatchObject({ rol: 'ONDERAANNEMER', hoofdaanbieder: { id: 'windkracht058' } });
  });

  it('holds the lots to their number of hoofdaanbieders', async () => {
    const third = await reg({ organisatie: 'solidair-friesland', perceel: 'HULP_BIJ_HET_HUISHOUDEN', rol: 'HOOFDAANBIEDER' });
    expect(code(third)).toMatchObject({ code: 'CONFLICT' });
    expect(third.body.errors![0]!.message).toMatch(/at most 2/);
    // Thuisondersteuning en dagbesteding: up to five parties (Windkracht058 plus four).
    for (const id of ['oa-ggz', 'oa-lvb', 'oa-nah', 'oa-autisme']) {
      expect((await reg({ organisatie: id, perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'HOOFDAANBIEDER' })).body.errors).toBeUndefined();
    }
    expect(code(await reg({ organisatie: 'oa-verslaving', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'HOOFDAANBIEDER' }))).toMatchObject({ code: 'CONFLICT' });
    // After the period of the others it is allowed again.
    const later = await stack.query(REGISTER, { token: manager, variables: { input: { organisatie: 'solidair-friesland', perceel: 'HULP_BIJ_HET_HUISHOUDEN', rol: 'HOOFDAANBIEDER', ingangsdatum: '2027-01-01', einddatum: '2027-12-31' } } });
    expect(code(later)).toMatchObject({ code: 'CONFLICT' }); // thfl and miep run without end
  });

  it('validates input and is for the contract manager only', async () => {
    expect(code(await reg({ organisatie: 'vol', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'ONDERAANNEMER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hoofdaanbieder' });
    expect(code(await reg({ organisatie: 'vol', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'ONDERAANNEMER', hoofdaanbieder: 'thfl' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hoofdaanbieder' });
    expect(code(await reg({ organisatie: 'nope', perceel: 'BASISONDERSTEUNING', rol: 'HOOFDAANBIEDER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisatie' });
    expect(code(await reg({ organisatie: 'vol', perceel: 'BASISONDERSTEUNING', rol: 'HOOFDAANBIEDER', einddatum: '2026-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.einddatum' });
    const beleid = await stack.token({ rol: 'gemeente-beleid' });
    const res = await stack.query(REGISTER, { token: beleid, variables: { input: { organisatie: 'vol', perceel: 'BASISONDERSTEUNING', rol: 'HOOFDAANBIEDER', ingangsdatum: '2027-01-01' } } });
    expect(code(res)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
