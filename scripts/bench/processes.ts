/**
 * The processes under test, each its own child process so that /proc tells their CPU
 * and memory apart: the subgraph host (subgraph-host.ts), our gateway (the production
 * entry gateway/src/index.ts, configured by environment as in docker-compose) and Hive
 * Gateway (its own CLI, one process). All listen on 127.0.0.1 only; their logs go to
 * files in the run's temporary directory, and the tail of a log is shown when a process
 * fails to start.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { freePort } from '../../subgraphs/shared/http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SUBGRAPHS, urlEnvVar, type SubgraphName } from '../../subgraphs/list';
import { DEV_KEY_FILES } from '../../subgraphs/shared/keys';
import type { HostCall, HostInit, HostMessage, HostReady, HostRequest } from './protocol';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = dirname(fileURLToPath(import.meta.url));

/** A started child process: its pid for /proc, its URL, and how to stop it. */
export interface Child {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to the bench, its children do not outlive it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The environment of every child: production mode (as deployed: no dev keys, masked
 * errors), with the run's temporary key files named explicitly, loopback only.
 */
export function childEnv(keysDir: string, logLevel: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: logLevel,
    KEYS_DIR: keysDir,
    AUTH_PUBLIC_KEY_FILE: join(keysDir, DEV_KEY_FILES.clientPublic),
    INTERNAL_JWT_PRIVATE_KEY_FILE: join(keysDir, DEV_KEY_FILES.internalPrivate),
    INTERNAL_JWT_PUBLIC_KEY_FILE: join(keysDir, DEV_KEY_FILES.internalPublic),
    PROCESSING_LOG_KEY_FILE: join(keysDir, DEV_KEY_FILES.processingLog),
    GATEWAY_HOST: '127.0.0.1',
    SUBGRAPH_HOST: '127.0.0.1',
    // One token sends the whole load: the per-client rate limit (gateway/src/rate-limit.ts)
    // would measure itself. Its cost per request is one Map lookup; it is switched off here.
    RATE_LIMIT_PER_SECOND: '0',
    ...extra,
  };
}


function logTail(logFile: string): string {
  if (!existsSync(logFile)) return '';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  return lines.slice(-15).join('\n');
}

function track(child: ChildProcess, name: string, logFile: string): Promise<void> {
  running.add(child);
  return new Promise((_, reject) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) while starting; last log lines (${logFile}):\n${logTail(logFile)}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      running.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `url` until it answers 200; fails when the process exits first or after `timeoutMs`. */
async function waitUntilUp(url: string, exited: Promise<void>, name: string, logFile: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: Error | undefined;
  exited.catch((error: Error) => {
    failure = error;
  });
  while (Date.now() < deadline) {
    if (failure) throw failure;
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not come up at ${url} within ${timeoutMs / 1000} s; last log lines (${logFile}):\n${logTail(logFile)}`);
}

/** The subgraph host of one scale, with an RPC over its IPC channel. */
export interface Host extends Omit<Child, 'url'> {
  ready: HostReady;
  request<T>(message: HostCall): Promise<T>;
}

/** Starts the subgraph host, which migrates and seeds a fresh database first (minutes at 100,000 residents). */
export async function startHost(init: HostInit, env: NodeJS.ProcessEnv, logFile: string): Promise<Host> {
  const out = openSync(logFile, 'a');
  const child = fork(join(HERE, 'subgraph-host.ts'), [JSON.stringify(init)], {
    cwd: REPO_ROOT, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', out, init.quiet ? out : 'inherit', 'ipc'],
  });
  closeSync(out);
  const exited = track(child, 'subgraph host', logFile);
  const pending = new Map<number, (result: unknown) => void>();
  const ready = await new Promise<HostReady>((resolve, reject) => {
    exited.catch(reject);
    child.on('message', (message: HostMessage) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new Error(`subgraph host failed: ${message.message}\n${logTail(logFile)}`));
      else {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });
  exited.catch(() => {});
  let next = 0;
  const request = <T>(message: HostCall) => new Promise<T>((resolve, reject) => {
    const id = ++next;
    pending.set(id, resolve as (result: unknown) => void);
    child.send({ ...message, id } as HostRequest, (error) => error && reject(error));
  });
  const stop = stopper(child);
  return {
    name: 'subgraphs', pid: child.pid!, logFile, ready, request,
    stop: async () => {
      if (child.connected) await Promise.race([request({ type: 'stop' }), new Promise((r) => setTimeout(r, 15_000))]);
      await stop();
    },
  };
}

/** Preloaded into each gateway: it exits when the bench is gone. */
const EXIT_WITH_PARENT = ['--import', pathToFileURL(join(HERE, 'exit-with-parent.mjs')).href];

function spawnLogged(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string) {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...EXIT_WITH_PARENT, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', out, out] });
  closeSync(out);
  return { child, exited: track(child, name, logFile) };
}

/** Our gateway, as `npm run start:gateway` runs it, pointed at one set of subgraphs. */
export async function startOurGateway(name: string, urls: Record<SubgraphName, string>, env: NodeJS.ProcessEnv, logFile: string): Promise<Child> {
  const port = await freePort();
  const urlVars = Object.fromEntries(SUBGRAPHS.map((s) => [urlEnvVar(s.name), urls[s.name]]));
  const { child, exited } = spawnLogged(name, ['--import', 'tsx', join(REPO_ROOT, 'gateway/src/index.ts')], { ...env, ...urlVars, GATEWAY_PORT: String(port) }, logFile);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${base}/health`, exited, name, logFile);
  exited.catch(() => {});
  return { name, pid: child.pid!, url: `${base}/graphql`, logFile, stop: stopper(child) };
}

/**
 * Hive Gateway's CLI in one process (`--fork 1`) on the checked-in supergraph; the
 * subgraph URLs and the transport options come from hive.config.ts.
 */
export async function startHive(urls: Record<SubgraphName, string>, env: NodeJS.ProcessEnv, logFile: string): Promise<Child> {
  const port = await freePort();
  const bin = join(dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway')), 'bin.js');
  const args = [bin, 'supergraph', join(REPO_ROOT, 'schema/supergraph.graphql'), '--host', '127.0.0.1', '--port', String(port), '--fork', '1', '--config-path', join(HERE, 'hive.config.ts')];
  const { child, exited } = spawnLogged('hive', args, { ...env, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) }, logFile);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${base}/readiness`, exited, 'hive', logFile);
  exited.catch(() => {});
  return { name: 'hive', pid: child.pid!, url: `${base}/graphql`, logFile, stop: stopper(child) };
}
