import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../subgraphs/shared/config';

describe('configuration', () => {
  it('has working defaults: gateway 4000, subgraphs 4001-4006, Leeuwarden', () => {
    const c = loadConfig({});
    expect(c.GATEWAY_PORT).toBe(4000);
    expect(Object.values(c.subgraphs).map((s) => s.port)).toEqual([4001, 4002, 4003, 4004, 4005, 4006]);
    expect(c.subgraphs.financien.url).toBe('http://127.0.0.1:4005/graphql');
    expect(c.DEFAULT_GEMEENTE).toBe('GM0080');
  });
  it('lets env override ports and URLs', () => {
    const c = loadConfig({ GATEWAY_PORT: '5000', FINANCIEN_PORT: '5005', SOCIALE_BASIS_URL: 'http://sociale-basis:4001/graphql' });
    expect(c.GATEWAY_PORT).toBe(5000);
    expect(c.subgraphs.financien).toEqual({ port: 5005, url: 'http://127.0.0.1:5005/graphql' });
    expect(c.subgraphs['sociale-basis'].url).toBe('http://sociale-basis:4001/graphql');
  });
  it('names every bad variable in one clear error', () => {
    try {
      loadConfig({ GATEWAY_PORT: 'abc', DATABASE_URL: 'mysql://x', HUISHOUDELIJKE_HULP_PORT: '99999' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/GATEWAY_PORT/);
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).toMatch(/HUISHOUDELIJKE_HULP_PORT/);
    }
  });
  it('refuses production without a real identity provider key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_PUBLIC_KEY_FILE: '/run/secrets/idp.pem' }).NODE_ENV).toBe('production');
  });
  it('treats an empty variable as unset', () => {
    const c = loadConfig({ GATEWAY_PORT: '', FINANCIEN_PORT: ' ', DATABASE_URL: '' });
    expect(c.GATEWAY_PORT).toBe(4000);
    expect(c.subgraphs.financien.port).toBe(4005);
    expect(c.DATABASE_URL).toBeUndefined();
  });
  it('refuses a suppression threshold that would publish a rounded 0', () => {
    expect(() => loadConfig({ SUPPRESSION_THRESHOLD: '2', SUPPRESSION_ROUNDING: '5' })).toThrow(/SUPPRESSION_THRESHOLD/);
    expect(loadConfig({ SUPPRESSION_THRESHOLD: '3', SUPPRESSION_ROUNDING: '5' }).SUPPRESSION_THRESHOLD).toBe(3);
  });
  it('has operations defaults: 10 s to drain on shutdown, 2 s readiness checks, metrics on', () => {
    const c = loadConfig({});
    expect(c.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(c.READINESS_TIMEOUT_MS).toBe(2_000);
    expect(c.METRICS_ENABLED).toBe(true);
  });
  it('switches metrics off with METRICS_ENABLED=false and refuses a value that is not a boolean', () => {
    expect(loadConfig({ METRICS_ENABLED: 'false' }).METRICS_ENABLED).toBe(false);
    expect(loadConfig({ METRICS_ENABLED: '0' }).METRICS_ENABLED).toBe(false);
    expect(() => loadConfig({ METRICS_ENABLED: 'nope' })).toThrow(/METRICS_ENABLED/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
