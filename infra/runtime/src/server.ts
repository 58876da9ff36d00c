// Starting and stopping a service's process the same way everywhere: listen, a configuration that fails fast
// (exit 2, every problem printed), a start that fails loudly (exit 1), and a graceful stop on SIGINT and SIGTERM.
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
}

export interface ServiceMain<C> {
  /** Parses the configuration; a ConfigError (or any error) here is printed and the process exits with 2. */
  config: () => C;
  logLevel: (config: C) => string;
  start: (config: C, log: Logger) => Promise<RunningService>;
}

/** The whole main module of a service: configuration, start, and a clean stop on the first SIGINT or SIGTERM. */
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
    },
    (err) => {
      log.fatal({ err }, `${name} failed to start`);
      process.exit(1);
    },
  );
}
