/**
 * Trace ids across the gateway and the subgraphs in the logs: one client request with a
 * traceparent gives log lines in the gateway and in every subgraph it reached with that
 * trace id, the subgraphs' parent span is the gateway request's span, and the subgraphs'
 * span is the span of their processing-log records. No line holds the resident's data.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

type Line = Record<string, unknown> & { msg?: string; traceId?: string; spanId?: string; parentSpanId?: string | null; subgraph?: string; component?: string };

const lines: Line[] = [];
const destination = { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Line) };

let stack: Stack;
let x: { id: string; voornaam: string; achternaam: string; bsn: string };
const PARENT = '00f067aa0ba902b7';
const SPAN = /^[0-9a-f]{16}$/;
/** Subgraphs the dossier query plan calls (financien: the aanbieder's naam)... */
const REACHED = ['aanvullende-ondersteuning', 'basisondersteuning', 'financien', 'huishoudelijke-hulp'];
/** ...and those that return the resident's data, so write processing-log records (see verwerkingen.test.ts). */
const LOGGED = ['aanvullende-ondersteuning', 'basisondersteuning', 'huishoudelijke-hulp'];

beforeAll(async () => {
  stack = await bootStack({ inwoners: 300, log: { level: 'debug', destination } });
  const [row] = await stack.rows<typeof x>(sql`select i.id, i.voornaam, i.achternaam, i.bsn from basisondersteuning.inwoner i
    where i.bsn is not null
    and exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id and t.organisatie_id = 'windkracht058'
      and t.status in ('toegewezen', 'gestart') and (t.einddatum is null or t.einddatum >= current_date))
    and exists (select 1 from huishoudelijke_hulp.indicatie h where h.inwoner_id = i.id)
    order by i.id limit 1`);
  x = row!;
});
afterAll(() => stack?.stop());

const DOSSIER = `query($id: ID!) { inwoner(id: $id) { voornaam achternaam bsn adres { straat }
  toewijzingen { product aanbieder { naam } } huishoudelijkeHulp { minutenPerWeek } ondersteuningen { soort } } }`;

async function traced(query: string, variables: Record<string, unknown>) {
  const traceId = randomBytes(16).toString('hex');
  const token = await stack.token({ rol: 'gemeente-consulent' });
  const from = lines.length;
  const res = await fetch(stack.platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${PARENT}-01` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  return { traceId, status: res.status, body, from };
}

const isRequestLine = (l: Line, traceId: string) => l.msg === 'request' && l.traceId === traceId;

/**
 * A service logs its request line when the response is finished, which can be just
 * after the client has the response: wait (bounded) until the gateway's line is there.
 */
async function requestLines(traceId: string, subgraphs: number): Promise<Line[]> {
  for (let i = 0; i < 200; i++) {
    const found = lines.filter((l) => isRequestLine(l, traceId));
    if (found.some((l) => l.component === 'gateway') && found.length >= subgraphs + 1) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  return lines.filter((l) => isRequestLine(l, traceId));
}

describe('trace ids in the logs', () => {
  it('joins the gateway and every subgraph a request reached by trace id and parent span', async () => {
    const { traceId, status, body, from } = await traced(DOSSIER, { id: x.id });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.inwoner.bsn).toBe(x.bsn);
    const found = await requestLines(traceId, REACHED.length);

    const gateway = found.filter((l) => l.component === 'gateway');
    expect(gateway).toHaveLength(1);
    expect(gateway[0]).toMatchObject({ traceId, parentSpanId: PARENT, path: '/graphql', status: 200, method: 'POST' });
    expect(gateway[0]!.spanId).toMatch(SPAN);

    const subgraphs = found.filter((l) => l.subgraph !== undefined);
    expect(subgraphs.map((l) => l.subgraph).sort()).toEqual(REACHED);
    for (const l of subgraphs) {
      expect(l).toMatchObject({ traceId, parentSpanId: gateway[0]!.spanId, path: '/graphql', status: 200 });
      expect(l.spanId).toMatch(SPAN);
    }
    expect(new Set(found.map((l) => l.spanId)).size).toBe(found.length);

    // The processing-log record of each subgraph carries that subgraph request's span.
    const records = await stack.rows<{ dienst: string; span_id: string; parent_span_id: string }>(
      sql`select dienst, span_id, parent_span_id from privacy.verwerking where trace_id = ${traceId} order by dienst`,
    );
    expect(records.map((r) => r.dienst)).toEqual(LOGGED);
    for (const r of records) {
      const line = subgraphs.find((l) => l.subgraph === r.dienst)!;
      expect({ span: r.span_id, parent: r.parent_span_id }).toEqual({ span: line.spanId, parent: gateway[0]!.spanId });
    }

    // Every line logged for this request carries its trace id; none holds the resident's data.
    // (Nothing else runs meanwhile: every line since the request was sent is this request's.)
    const during = lines.slice(from);
    expect(during.length).toBeGreaterThanOrEqual(found.length);
    for (const l of during) expect(l.traceId).toBe(traceId);
    const text = JSON.stringify(lines);
    for (const secret of [x.bsn, x.id, x.voornaam, x.achternaam]) expect(text).not.toContain(secret);
  });

  it('puts the trace and span on a warning the gateway logs within the request', async () => {
    const hh = stack.platform.subgraphs.find((s) => s.name === 'huishoudelijke-hulp')!;
    const [original] = hh.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    hh.server.removeAllListeners('request');
    hh.server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"down"}]}');
    });
    try {
      const { traceId, body } = await traced('query($id: ID!) { inwoner(id: $id) { voornaam huishoudelijkeHulp { minutenPerWeek } } }', { id: x.id });
      expect(body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      const [gateway] = (await requestLines(traceId, 1)).filter((l) => l.component === 'gateway');
      const warning = lines.find((l) => l.msg === 'subgraph call failed' && l.traceId === traceId);
      expect(warning).toMatchObject({ traceId, spanId: gateway!.spanId, subgraph: 'huishoudelijke-hulp', kind: 'http', status: 500 });
    } finally {
      hh.server.removeAllListeners('request');
      hh.server.on('request', original!);
    }
  });
});
