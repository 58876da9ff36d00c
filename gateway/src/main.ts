import pino from 'pino';
import { gatewayConfig } from './config';
import { startGateway } from './gateway';

let config;
try {
  config = gatewayConfig();
} catch (e) {
  process.stderr.write(`gateway: ${(e as Error).message}\n`);
  process.exit(2);
}
const log = pino({ name: 'gateway', level: config.logLevel, base: { service: 'gateway' }, timestamp: pino.stdTimeFunctions.isoTime });
startGateway(config, log).then(
  (gw) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down');
      gw.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  },
  (err) => {
    log.fatal({ err }, 'gateway failed to start');
    process.exit(1);
  },
);
