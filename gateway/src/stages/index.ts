// The gateway's pipeline: every request to /graphql goes through these stages in this order (a refused request skips
// to the response phase). pipeline/adapter.ts maps each phase onto Express and Apollo Server; docs/architecture.md
// says what each stage reads and provides.
import { ordered } from '../pipeline/stage';
import { requestId } from './request-id.stage';
import { auditGate } from './audit-gate.stage';
import { authenticate } from './authenticate.stage';
import { oneOperation } from './one-operation.stage';
import { persistedDocuments } from './persisted-documents.stage';
import { rateLimit } from './rate-limit.stage';
import { auditAsked } from './audit-asked.stage';
import { limits } from './limits.stage';
import { auditIntent } from './audit-intent.stage';
import { policyPrune } from './policy-prune.stage';
import { subgraphFetch } from './subgraph-fetch.stage';
import { errorMasking } from './error-masking.stage';
import { auditRecord } from './audit-record.stage';
import { language } from './language.stage';
import { log } from './log.stage';

export const STAGES = ordered([
  requestId,
  auditGate,
  authenticate,
  oneOperation,
  persistedDocuments,
  rateLimit,
  auditAsked,
  limits,
  auditIntent,
  policyPrune,
  subgraphFetch,
  errorMasking,
  auditRecord,
  language,
  log,
]);
