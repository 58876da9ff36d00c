import { loadConfigOrExit, runSubgraph } from '@hub/kit';
import { auditEnv, configureVerification, verificationFromEnv } from './config';
import { audit } from './definition';

// The chain is verified with the gateway's public key: without it the subgraph does not start.
loadConfigOrExit(auditEnv);
configureVerification(verificationFromEnv(process.env));
runSubgraph(audit);
