import { Agent, createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../subgraphs/shared/http';
import { drain, Lifecycle, shutdownGracefully } from '../../subgraphs/shared/lifecycle';
import { createLogger } from '../../subgraphs/shared/logger';

const log = createLogger('test', 'silent');
const agents: Agent[] = [];
afterEach(() => agents.splice(0).forEach((a) => a.destroy()));

/** A server whose /slow requests wait for `release`; anything else answers at once. */
async function slowServer() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    if (req.url === '/slow') {
      arrived();
      void gate.then(() => res.end('done'));
    } else {
      res.end('ok');
    }
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { server, port, release, slowArrived };
}

function get(port: number, path: string, agent: Agent | false): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

const keepAlive = () => {
  const agent = new Agent({ keepAlive: true });
  agents.push(agent);
  return agent;
};

describe('drain', () => {
  it('lets the in-flight request finish, closes the idle keep-alive connections and refuses new ones', async () => {
    const { server, port, release, slowArrived } = await slowServer();
    const agent = keepAlive();
    expect(await get(port, '/fast', agent)).toEqual({ status: 200, body: 'ok' }); // leaves an idle keep-alive socket
    const slow = get(port, '/slow', keepAlive());
    await slowArrived;
    let drained: boolean | undefined;
    const draining = drain(server, Date.now() + 60_000).then((clean) => (drained = clean));
    expect(await get(port, '/fast', false)).toEqual({ error: 'ECONNREFUSED' });
    expect(drained).toBeUndefined();
    release();
    expect(await slow).toEqual({ status: 200, body: 'done' });
    // Resolves although the slow request's connection was keep-alive: it is closed once idle.
    await draining;
    expect(drained).toBe(true);
  });

  it('cuts what is still running at the deadline and says so', async () => {
    const { server, port, release, slowArrived } = await slowServer();
    const slow = get(port, '/slow', false);
    await slowArrived;
    expect(await drain(server, Date.now() + 50)).toBe(false);
    expect(await slow).toEqual({ error: 'ECONNRESET' });
    release();
  });

  it('resolves at once for a server that is already closed', async () => {
    const { server } = await slowServer();
    await new Promise((resolve) => server.close(resolve));
    expect(await drain(server, Date.now() + 60_000)).toBe(true);
  });
});

describe('shutdownGracefully', () => {
  it('turns readiness off at once, drains in order, stops Apollo, then closes; a second call waits for the first', async () => {
    const steps: string[] = [];
    const service = async (name: string) => {
      const { server } = await slowServer();
      server.on('close', () => steps.push(`${name} closed`));
      return { server: server as Server, apollo: { stop: async () => void steps.push(`${name} apollo`) } };
    };
    const lifecycle = new Lifecycle();
    const services = [await service('gateway'), await service('financien')];
    const first = shutdownGracefully(lifecycle, services, { timeoutMs: 60_000, log, close: async () => void steps.push('database') });
    expect(lifecycle.draining).toBe(true);
    const second = shutdownGracefully(lifecycle, services, { timeoutMs: 60_000, log, close: async () => void steps.push('again') });
    await Promise.all([first, second]);
    expect(steps).toEqual(['gateway closed', 'financien closed', 'gateway apollo', 'financien apollo', 'database']);
  });
});
