import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS, GATEWAY_PORT, portEnvVar, urlEnvVar } from '../../subgraphs/list';

type Service = {
  command?: string[];
  healthcheck?: { test?: string[] };
  stop_grace_period?: string;
  expose?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  image?: string;
  volumes?: string[];
};
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker-compose.yml', () => {
  it('has postgres, init, the gateway and exactly the subgraphs of the list', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'init', 'postgres', ...SUBGRAPHS.map((s) => s.name)].sort());
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('runs %s on its port, unpublished', (name, s) => {
    const svc = services[name]!;
    // node itself runs the service, so docker's SIGTERM reaches it (graceful shutdown).
    expect(svc.command).toEqual(['node', '--import', 'tsx', 'subgraphs/index.ts', name]);
    expect(svc.expose).toEqual([String(s.port)]);
    expect(svc.ports).toBeUndefined();
    expect(svc.environment?.[portEnvVar(name)]).toBe(String(s.port));
    expect(svc.depends_on?.init?.condition).toBe('service_completed_successfully');
    // Only the public key (a subgraph must not be able to mint internal tokens) and the
    // processing log's pseudonym key.
    expect(svc.volumes).toEqual(['keys-public:/keys/public:ro', 'keys-logboek:/keys/logboek:ro']);
    expect(svc.environment?.PROCESSING_LOG_KEY_FILE).toBe('/keys/logboek/processing-log.key');
    expect(svc.environment?.INTERNAL_JWT_PUBLIC_KEY_FILE).toBe('/keys/public/internal.public.pem');
  });

  it('checks readiness (database or subgraphs answering), and leaves time for the graceful shutdown', () => {
    for (const [name, port] of [...SUBGRAPHS.map((s) => [s.name, s.port] as const), ['gateway', GATEWAY_PORT] as const]) {
      expect(services[name]!.healthcheck?.test?.join(' '), name).toContain(`http://127.0.0.1:${port}/health/ready`);
      // SHUTDOWN_TIMEOUT_MS defaults to 10 s: docker must wait longer before SIGKILL.
      expect(Number.parseInt(services[name]!.stop_grace_period ?? '10s', 10), name).toBeGreaterThan(10);
    }
  });

  it('publishes only the gateway, pointed at every subgraph by service name', () => {
    const gw = services.gateway!;
    expect(gw.ports).toEqual([`${GATEWAY_PORT}:${GATEWAY_PORT}`]);
    for (const s of SUBGRAPHS) {
      expect(gw.environment?.[urlEnvVar(s.name)]).toBe(`http://${s.name}:${s.port}/graphql`);
      expect(gw.depends_on?.[s.name]?.condition).toBe('service_healthy');
    }
    const published = Object.entries(services).filter(([, svc]) => svc.ports).map(([n]) => n);
    expect(published).toEqual(['gateway']);
  });

  it('keeps the processing log key out of the gateway: init moves it from the private keys to the subgraphs’ volume', () => {
    const gw = services.gateway!;
    expect(gw.volumes).toEqual(['keys-private:/keys/private']);
    const command = (services.init!.command as string[]).join(' ');
    expect(command).toMatch(/mv \/keys\/private\/processing-log\.key \/keys\/logboek\//);
    expect(command).toMatch(/rm -f \/keys\/private\/processing-log\.key/);
    expect(command.indexOf('processing-log.key')).toBeGreaterThan(command.indexOf('scripts/keys.ts'));
  });

  it('disables Apollo telemetry in every service of the platform image', () => {
    for (const [name, svc] of Object.entries(services)) {
      if (name === 'postgres') continue;
      expect(svc.image, name).toBe('wmo-leeuwarden:dev');
      expect(svc.environment?.APOLLO_TELEMETRY_DISABLED, name).toBe('1');
    }
  });

  it.skipIf(!hasDockerCompose())('is valid for docker-compose config', () => {
    expect(() => execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { stdio: 'pipe' })).not.toThrow();
  });
});
