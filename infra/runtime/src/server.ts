// Starting and stopping a service's process the same way everywhere: listen, a configuration that fails fast
// (exit 2, every problem printed), a start that fails loudly (exit 1), a graceful stop on SIGINT and SIGTERM, and a
// reload on SIGHUP for a service that has one (the gateway reads its supergraph again).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from './logger';

/** Listens on `host:port` (0: a free port) and resolves with the port taken; rejects if it cannot (port in use). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export interface RunningService {
  /** Stops taking requests, lets those in flight finish, and closes what the service holds. */
  stop(): Promise<void>;
  /** Reads again what the service reloads without a restart (SIGHUP); it logs what it did or why it could not. */
  reload?(): Promise<unknown>;
}

export interface ServiceMain<C> {
  /** Parses the configuration; a ConfigError (or any error) here is printed and the process exits with 2. */
  config: () => C;
  logLevel: (config: C) => string;
  start: (config: C, log: Logger) => Promise<RunningService>;
}

/**
 * The whole main module of a service: configuration, start, a clean stop on the first SIGINT or SIGTERM, and, for a
 * service that can reload, a reload on every SIGHUP once it has started (before that, and for one that cannot,
 * SIGHUP keeps Node's default: the process ends).
 */
export function runService<C>(name: string, main: ServiceMain<C>): void {
  let config: C;
  try {
    config = main.config();
  } catch (e) {
    process.stderr.write(`${name}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(name, main.logLevel(config));
  main.start(config, log).then(
    (running) => {
      const shutdown = (signal: string) => {
        log.info({ signal }, 'shutting down');
        running.stop().then(
          () => process.exit(0),
          (err) => {
            log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      const reload = running.reload?.bind(running);
      if (reload) {
        process.on('SIGHUP', () => {
          log.info({ signal: 'SIGHUP' }, 'reloading');
          reload().catch((err: unknown) => log.error({ err }, 'reload failed'));
        });
      }
    },
    (err) => {
      log.fatal({ err }, `${name} failed to start`);
      process.exit(1);
    },
  );
}

/**
 * Several services in one process (the embedded hub's subgraphs, to spare memory): every configuration is parsed
 * first (any problem: each printed with its service's name, exit 2), then they start one after the other; if one
 * fails, those already started stop and the process exits 1. The first SIGINT or SIGTERM stops them all.
 */
export function runServices(services: { name: string; main: ServiceMain<any> }[]): void {
  const configs: unknown[] = [];
  let failed = false;
  for (const { name, main } of services) {
    try {
      configs.push(main.config());
    } catch (e) {
      process.stderr.write(`${name}: ${(e as Error).message}\n`);
      failed = true;
    }
  }
  if (failed) process.exit(2);
  const running: { name: string; service: RunningService; log: Logger }[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    let ok = true;
    for (const r of running.reverse()) {
      await r.service.stop().catch((err: unknown) => {
        r.log.error({ err }, 'shutdown failed');
        ok = false;
      });
    }
    process.exit(ok ? code : 1);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  void (async () => {
    for (const [i, { name, main }] of services.entries()) {
      const log = createLogger(name, main.logLevel(configs[i]));
      try {
        running.push({ name, service: await main.start(configs[i], log), log });
      } catch (err) {
        log.fatal({ err }, `${name} failed to start`);
        await stopAll(1);
        return;
      }
    }
  })();
}
