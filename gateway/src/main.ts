// The gateway as its own process: configuration from the environment, start, and a clean stop on SIGINT/SIGTERM.
import { runService } from '@hub/runtime/server';
import { gatewayConfig } from './config';
import { startGateway } from './gateway';

runService('gateway', { config: () => gatewayConfig(process.env), logLevel: (c) => c.logLevel, start: startGateway });
