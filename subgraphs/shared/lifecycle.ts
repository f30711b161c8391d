import type { Server } from 'node:http';
import { describeError, type Logger } from './logger';

/**
 * Whether the services of one process take traffic. Shared by all services of the
 * process (`npm start` hosts seven), so one signal makes all of them not ready at once;
 * /health/ready answers 503 from that moment while /health/live stays 200.
 */
export class Lifecycle {
  /** True from the first shutdown call on. */
  draining = false;
  private stopping: Promise<void> | undefined;

  /** Runs `stop` once: later calls (a second signal, a test's teardown) get the same promise. */
  shutdown(stop: () => Promise<void>): Promise<void> {
    this.draining = true;
    this.stopping ??= stop();
    return this.stopping;
  }
}

/** A service to drain: its HTTP server, then its Apollo server. */
export interface Drainable {
  server: Server;
  apollo: { stop(): Promise<void> };
  /** Stops the service after draining (the gateway also closes its subgraph pools); else apollo.stop(). */
  stop?(): Promise<void>;
}

export interface ShutdownOptions {
  /** How long in-flight requests may take, for all services together (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  log: Logger;
  /** Last step, after every service stopped: typically closing the database. */
  close?: () => Promise<void>;
}

/** How often a draining server closes connections that became idle (a finished keep-alive request). */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and waits for the open ones to finish their requests;
 * idle keep-alive connections are closed as they become idle (Node would keep them for
 * the keep-alive timeout). At the deadline the remaining connections are cut.
 * Resolves true when none had to be cut. A server that is already closed resolves at once.
 */
export function drain(server: Server, deadline: number): Promise<boolean> {
  return new Promise((resolve) => {
    let cut = false;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const timer = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
    }, Math.max(0, deadline - Date.now()));
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve(!cut);
    });
  });
}

/**
 * Graceful shutdown of the services of one process, in the order given: each stops
 * accepting connections and finishes its in-flight requests (within one deadline for
 * all), then the Apollo servers stop, then `close` runs. The platform passes the gateway
 * first: its in-flight requests still need the subgraphs.
 */
export function shutdownGracefully(lifecycle: Lifecycle, services: readonly Drainable[], options: ShutdownOptions): Promise<void> {
  return lifecycle.shutdown(async () => {
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    let cut = 0;
    for (const service of services) {
      if (!(await drain(service.server, deadline))) cut += 1;
    }
    for (const service of services) await (service.stop ? service.stop() : service.apollo.stop());
    await options.close?.();
    const log = { ms: Date.now() - started, servicesCut: cut };
    if (cut > 0) options.log.warn(log, 'shut down: requests still running at SHUTDOWN_TIMEOUT_MS were cut');
    else options.log.info(log, 'shut down');
  });
}

/**
 * For entry points: on SIGTERM or SIGINT run `shutdown`, then exit (0, or 1 when it
 * failed). A second signal exits at once, without waiting for in-flight requests.
 */
export function exitOnSignals(shutdown: () => Promise<void>, log: Logger): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      log.warn({ signal }, 'second signal: exiting without waiting for requests');
      process.exit(1);
    }
    received = true;
    log.info({ signal }, 'shutting down');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: describeError(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
