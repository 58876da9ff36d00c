// One audit record per operation that reaches the gateway, committed before the response is released. What is
// kept: who (principal, client), what (operation type, name, hash, the document with literals hidden, variables
// with secrets and personal values masked), which coordinates were requested, denied (and why) and which personal
// ones were read, which subgraphs were called, the outcome with error codes, duration and response size.
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { stripSensitiveLiterals } from '@apollo/utils.stripsensitiveliterals';
import { print } from 'graphql';
import type { Request, Response } from 'express';
import type { ClassificationLevel, MaskReason, Principal } from '@hub/schema';
import { maskVariables, variablePlan, type VariablePlan } from './masking';
import { AUDIT_DOWN_ERROR, NOTHING_ASKED, type AuditInput, type AuditWriter } from './audit';
import type { HubGatewayContext } from './context';
import { coordinatesOf } from './prune';
import { remembered } from '@hub/runtime/bounded';
import { serializeResult } from './serialized';
import { markRecorded } from './record-every-answer';

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

export function principalRecord(p: Principal): Record<string, unknown> {
  return p.kind === 'ACCOUNT' ? { kind: 'ACCOUNT', accountId: p.accountId, agency: p.agency, roles: p.roles } : { kind: 'PUBLIC' };
}

export function clientRecord(req: Request): Record<string, unknown> {
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: req.header('user-agent') ?? null,
    name: req.header('apollographql-client-name') ?? null,
    version: req.header('apollographql-client-version') ?? null,
  };
}

const DOCUMENT_CACHE_SIZE = 1000;

/**
 * Records a request answered outside GraphQL (refused before it, or the CSV export) with what is known of it; fields
 * not given are empty. Resolves false, having answered 503 itself, when the store cannot record: no record, no answer.
 */
export async function recordOutsideGraphQL(
  writer: AuditWriter | undefined,
  req: Request,
  res: Response,
  record: Partial<AuditInput> & Pick<AuditInput, 'requestId' | 'outcome' | 'errorCodes'> & { principal: Principal; username?: string },
): Promise<boolean> {
  if (!writer) return true;
  markRecorded(res);
  // `username`: the name a sign-in tried, kept with the principal (never a password or token).
  const { username, ...rest } = record;
  try {
    await writer.append({
      ...NOTHING_ASKED,
      ...rest,
      principal: { ...principalRecord(record.principal), ...(username === undefined ? {} : { username }) },
      client: clientRecord(req),
    });
    return true;
  } catch {
    res.status(503).json({ errors: [AUDIT_DOWN_ERROR] });
    return false;
  }
}

/**
 * The audit plugin. For a mutation, a record of the intent (who, the operation, masked variables, the coordinates
 * asked for, the request id) is committed before any subgraph is called: if it cannot be, nothing is executed and
 * the caller gets 503, so no write takes effect unlogged. Every request (mutations included) then gets its record
 * of the outcome, with the same request id, committed before the response is released.
 */
export function auditPlugin(writer: AuditWriter, levels: Map<string, ClassificationLevel>, masked: Map<string, MaskReason>): ApolloServerPlugin<HubGatewayContext> {
  /** Per document: its printed form with literals hidden, the coordinates it asks for, how its variables are kept. */
  const byDocument = new Map<string, { document: string; requested: string[]; plan: VariablePlan[] }>();
  return {
    async requestDidStart({ contextValue, request }) {
      // From here the pipeline normally ends in willSendResponse, which records this request.
      contextValue.markStarted?.();
      const started = process.hrtime.bigint();
      let operation: Record<string, unknown> = { type: null, name: request.operationName ?? null, hash: null, document: null };
      let requested: string[] = [];
      // Until the operation is resolved nothing says what the variables are: none are kept.
      let plan: VariablePlan[] | undefined;
      let variables: unknown = null;
      const base = (): Omit<AuditInput, 'outcome' | 'errorCodes' | 'denied' | 'personal' | 'subgraphs' | 'responseBytes'> => ({
        requestId: contextValue.requestId,
        principal: principalRecord(contextValue.principal),
        client: contextValue.client ?? {},
        operation,
        variables,
        requested,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      });
      return {
        async didResolveOperation({ document, operation: op, schema, queryHash, operationName }) {
          if (!op) return;
          // What the audit derives from a document depends only on the document (and the operation chosen in it).
          const key = `${queryHash}:${operationName ?? ''}`;
          const derived = remembered(byDocument, key, DOCUMENT_CACHE_SIZE, () => ({
            document: print(stripSensitiveLiterals(document)),
            requested: [...coordinatesOf(schema, document, op)].sort(),
            plan: variablePlan(schema, document, op, masked),
          }));
          operation = { type: op.operation, name: op.name?.value ?? null, hash: queryHash, document: derived.document };
          requested = derived.requested;
          plan = derived.plan;
          variables = recordedVariables(maskVariables(request.variables as Record<string, unknown> | undefined, plan, masked));
        },
        async responseForOperation({ operation: op }) {
          // (No operation: the document names none that matches; execution answers that, nothing runs.)
          if (op?.operation !== 'mutation') return null;
          try {
            await writer.append({ ...base(), denied: [], personal: [], subgraphs: [], outcome: 'intent', errorCodes: [], responseBytes: 0 });
            return null;
          } catch {
            // Nothing has been executed: the write does not take effect.
            return { http: { status: 503, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [AUDIT_DOWN_ERROR] } } };
          }
        },
        async willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const status = response.http.status ?? 200;
          const codes = [...new Set([...(errors ?? []), ...((body?.errors as readonly { extensions?: { code?: unknown } }[]) ?? [])].map((e) => String(e.extensions?.code ?? 'UNKNOWN')))].sort();
          const denied = (contextValue.denied ?? []).map((d) => ({ coordinate: d.coordinate, path: d.path, reason: d.reason }));
          const deniedSet = new Set(denied.map((d) => d.coordinate));
          const outcome =
            status >= 500 ? 'error' : status === 403 ? 'denied' : status >= 400 ? 'rejected' : codes.length || denied.length ? 'partial' : 'ok';
          const input: AuditInput = {
            ...base(),
            denied,
            personal: requested.filter((c) => levels.get(c) === 'PERSONAL' && !deniedSet.has(c)),
            subgraphs: [...(contextValue.subgraphs ?? [])].sort(),
            outcome,
            errorCodes: codes,
            responseBytes: body ? Buffer.byteLength(serializeResult(body)) : 0,
          };
          contextValue.markRecorded?.();
          try {
            await writer.append(input);
          } catch {
            if (response.body.kind === 'single') {
              response.body.singleResult.data = undefined;
              response.body.singleResult.errors = [AUDIT_DOWN_ERROR];
            }
            response.http.status = 503;
          }
        },
      };
    },
  };
}
