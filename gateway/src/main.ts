// The gateway as its own process: configuration from the environment, start, a clean stop on SIGINT/SIGTERM, and on
// SIGHUP a reload of the supergraph file (HUB_SUPERGRAPH_PATH) without a restart (see startGateway's `reload`).
import { runService } from '@hub/runtime/server';
import { gatewayConfig } from './config';
import { startGateway } from './gateway';

runService('gateway', { config: () => gatewayConfig(process.env), logLevel: (c) => c.logLevel, start: startGateway });
