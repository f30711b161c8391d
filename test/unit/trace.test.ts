import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { randomHex, requestTrace } from '../../subgraphs/shared/http';

const req = (traceparent?: string) => ({ headers: traceparent === undefined ? {} : { traceparent } }) as IncomingMessage;

describe('requestTrace', () => {
  it('continues a valid traceparent: same trace, the caller’s span as parent, a new span', () => {
    const trace = requestTrace(req('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'));
    expect(trace).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: expect.stringMatching(/^[0-9a-f]{16}$/), parentSpanId: '00f067aa0ba902b7' });
    expect(trace.spanId).not.toBe('00f067aa0ba902b7');
  });
  it('starts a trace without a parent for a missing or invalid traceparent', () => {
    for (const header of [undefined, 'garbage', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`]) {
      const trace = requestTrace(req(header));
      expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(trace.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(trace.parentSpanId).toBeNull();
    }
  });
});

describe('randomHex', () => {
  it('gives distinct ids of the asked length, also across refills of its buffer', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => randomHex(i % 2 === 0 ? 8 : 16));
    ids.forEach((id, i) => expect(id).toMatch(i % 2 === 0 ? /^[0-9a-f]{16}$/ : /^[0-9a-f]{32}$/));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
