// What a request's audit record says: who (principal, client), what was asked (operation type, name, hash, the
// document with literals hidden, variables with secrets and personal values masked, the coordinates requested), what
// was denied (and why) and which personal coordinates were read, which subgraphs were called, the outcome with error
// codes, duration and response size. The audit stages (stages/audit-*.stage.ts) write it.
import { createHash } from 'node:crypto';
import { stripSensitiveLiterals } from '@apollo/utils.stripsensitiveliterals';
import { print, type FormattedExecutionResult } from 'graphql';
import type { ClassificationLevel, MaskReason, Principal } from '@hub/schema';
import { PUBLIC } from '@hub/schema';
import { remembered } from '@hub/runtime/bounded';
import { NOTHING_ASKED, type AuditInput } from './audit';
import { maskVariables } from './masking';
import { serializeResult } from './serialized';
import { outcomeOf } from './pipeline/refusal';
import type { Answer, Asked, Operation, RequestState } from './pipeline/stage';

/** Masked variables larger than this (as JSON, in bytes) are recorded by their digest and their beginning. */
export const VARIABLES_RECORD_LIMIT = 64 * 1024;
/** How much of large masked variables (characters of their JSON) the record keeps in clear. */
export const VARIABLES_HEAD = 4096;

/**
 * The variables as the audit record keeps them: masked, and when their JSON exceeds VARIABLES_RECORD_LIMIT
 * (a bulk write of 10,000 values is about 1 MB), `{ truncated: true, bytes, sha256, head }` instead: the size and
 * SHA-256 of the masked variables' JSON (as JSON.stringify writes them, keys in the order sent) and its first
 * VARIABLES_HEAD characters. Only masked text is hashed or kept, so no secret and no PERSONAL value is in the
 * record in any form; the record stays small enough to hash and insert without holding up the response.
 */
export function recordedVariables(masked: Record<string, unknown> | null): unknown {
  if (masked === null) return null;
  const text = JSON.stringify(masked);
  // Cheap bound first: a string's UTF-8 length is at most three bytes per UTF-16 unit.
  if (text.length * 3 <= VARIABLES_RECORD_LIMIT) return masked;
  const bytes = Buffer.byteLength(text);
  if (bytes <= VARIABLES_RECORD_LIMIT) return masked;
  let end = Math.min(VARIABLES_HEAD, text.length);
  // Never split a surrogate pair (PostgreSQL refuses a lone surrogate in jsonb).
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return { truncated: true, bytes, sha256: createHash('sha256').update(text).digest('hex'), head: text.slice(0, end) };
}

/** The principal as records keep it; `username`: the name a sign-in tried. */
function principalRecord(p: Principal, username: string | undefined): Record<string, unknown> {
  // The databases an editor edits are part of who they are (a write is allowed by them); kept only when there are some.
  const edits = p.kind === 'ACCOUNT' && p.editorOf.length ? { editorOf: p.editorOf } : {};
  const who =
    p.kind === 'ACCOUNT' ? { kind: 'ACCOUNT', accountId: p.accountId, agency: p.agency, roles: p.roles, ...edits } : { kind: 'PUBLIC' };
  return username === undefined ? who : { ...who, username };
}

/** What an operation asked, as records keep it; a document's printed form (literals hidden) is worked out once. */
export class AskedRecords {
  private readonly printed = new Map<string, string>();

  constructor(private readonly masked: Map<string, MaskReason>) {}

  of(operation: Operation): Asked {
    const document = remembered(this.printed, operation.hash, 1000, () => print(stripSensitiveLiterals(operation.document)));
    return {
      operation: {
        type: operation.type,
        name: operation.name,
        hash: operation.hash,
        document,
        ...(operation.documentId ? { documentId: operation.documentId } : {}),
      },
      requested: operation.shape.coordinates,
      variables: recordedVariables(maskVariables(operation.variables, operation.shape.variablePlan, this.masked)),
    };
  }
}

/** What a record draws on: what the request-id stage provided, and what later stages did if the request got there. */
export type Known = Pick<RequestState, 'http' | 'requestId' | 'received' | 'client'> &
  Partial<Pick<RequestState, 'principal' | 'asked' | 'denied' | 'subgraphs'>>;

type Common = Pick<AuditInput, 'requestId' | 'principal' | 'client' | 'variables' | 'requested' | 'durationMs'>;

function common(known: Known): Common {
  return {
    requestId: known.requestId,
    principal: principalRecord(known.principal ?? PUBLIC, known.asked?.username),
    client: known.client,
    variables: known.asked?.variables ?? null,
    // The writer only reads it.
    requested: (known.asked?.requested ?? []) as string[],
    durationMs: Math.round(Number(process.hrtime.bigint() - known.received) / 1e4) / 100,
  };
}

const deniedRecord = (known: Known) => (known.denied ?? []).map((d) => ({ coordinate: d.coordinate, path: d.path, reason: d.reason }));

/** A mutation's intent, recorded before any subgraph is called. */
export function intentRecord(known: Known & Pick<RequestState, 'asked'>): AuditInput {
  return {
    ...common(known),
    operation: known.asked?.operation ?? NOTHING_ASKED.operation,
    denied: [],
    personal: [],
    subgraphs: [],
    outcome: 'intent',
    errorCodes: [],
    responseBytes: 0,
  };
}

/** The record of an answer: a GraphQL result's, with what it asked, read and was denied; or one refused before it. */
export function answerRecord(known: Known, answer: Answer, levels: Map<string, ClassificationLevel>): AuditInput {
  const base = common(known);
  const denied = deniedRecord(known);
  if (answer.graphql) {
    const body = answer.body as FormattedExecutionResult | undefined;
    const codes = [
      ...new Set([...answer.graphql.raised, ...(body?.errors ?? [])].map((e) => String(e.extensions?.code ?? 'UNKNOWN'))),
    ].sort();
    const deniedSet = new Set(denied.map((d) => d.coordinate));
    return {
      ...base,
      operation: known.asked?.operation ?? { ...NOTHING_ASKED.operation, name: answer.graphql.operationName },
      denied,
      personal: base.requested.filter((c) => levels.get(c) === 'PERSONAL' && !deniedSet.has(c)),
      subgraphs: [...(known.subgraphs ?? [])],
      outcome: answer.status >= 400 ? outcomeOf(answer.status) : codes.length || denied.length ? 'partial' : 'ok',
      errorCodes: codes,
      responseBytes: body ? Buffer.byteLength(serializeResult(body)) : 0,
    };
  }
  const r = answer.record || { outcome: answer.status >= 400 ? outcomeOf(answer.status) : 'ok', errorCodes: [] };
  // A request that never became an operation is recorded with its method and why it was refused, if it was.
  const refused = { method: known.http.method, refused: r.refused ?? null };
  const operation = known.asked
    ? r.refused === undefined
      ? known.asked.operation
      : { ...known.asked.operation, ...refused }
    : { ...NOTHING_ASKED.operation, ...refused };
  return {
    ...base,
    operation,
    denied,
    personal: [],
    subgraphs: [...(known.subgraphs ?? [])],
    outcome: r.outcome,
    errorCodes: [...r.errorCodes],
    responseBytes: r.bytes ?? 0,
  };
}
