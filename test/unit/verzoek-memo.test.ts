/**
 * The memo that the gateway's fetches of one client request share (gebiedsfiguren.ts
 * verzoekMemo): the same for the same caller and trace, never for another caller, gone
 * after its lifetime.
 */
import { describe, expect, it } from 'vitest';
import { verzoekMemo } from '../../subgraphs/shared/gebiedsfiguren';
import type { Scope } from '../../subgraphs/shared/tokens';

const scope: Scope = { sub: 'u1', rol: 'gemeente-beleid', organisatie: null, gemeente: 'GM0080', doel: 'beleid', traceId: 'a'.repeat(32) };

describe('verzoekMemo', () => {
  it('is shared by the fetches of one client request and by nobody else', async () => {
    const t = 1_000_000;
    const memo = verzoekMemo(scope, 'sg', t);
    expect(verzoekMemo({ ...scope }, 'sg', t + 10)).toBe(memo);
    for (const ander of [{ traceId: 'b'.repeat(32) }, { sub: 'u2' }, { rol: 'adviesraad' as const }, { gemeente: 'GM0014' }, { organisatie: 'x' }, { doel: 'y' }]) {
      expect(verzoekMemo({ ...scope, ...ander }, 'sg', t + 10), JSON.stringify(ander)).not.toBe(memo);
    }
    expect(verzoekMemo(scope, 'ander-subgraph', t + 10)).not.toBe(memo);
    // The gateway's request id, when there is one, decides, not the client's trace id.
    const metVerzoek = verzoekMemo({ ...scope, verzoek: 'token-1' }, 'sg', t + 10);
    expect(verzoekMemo({ ...scope, verzoek: 'token-2' }, 'sg', t + 10)).not.toBe(metVerzoek);
    expect(verzoekMemo({ ...scope, verzoek: 'token-1' }, 'sg', t + 10)).toBe(metVerzoek);
    let n = 0;
    await Promise.all([memo('k', async () => ++n), verzoekMemo(scope, 'sg', t + 20)('k', async () => ++n)]);
    expect(n).toBe(1);
    // A failure is not kept.
    await expect(memo('fout', async () => { throw new Error('x'); })).rejects.toThrow('x');
    expect(await memo('fout', async () => 'daarna')).toBe('daarna');
  });

  it('forgets an entry after 30 seconds', () => {
    const t = 2_000_000;
    const memo = verzoekMemo(scope, 'sg', t);
    expect(verzoekMemo(scope, 'sg', t + 29_999)).toBe(memo);
    expect(verzoekMemo(scope, 'sg', t + 30_000)).not.toBe(memo);
  });
});
