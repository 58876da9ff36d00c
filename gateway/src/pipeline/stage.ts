// The gateway's request pipeline as data: what is known of one request (RequestState), a stage (the fields it
// needs, the fields it provides, what it does) and the check that an ordered list of stages holds together.
// stages/index.ts holds the list; adapter.ts maps its phases onto Express and Apollo Server.
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
  ParseOptions,
  ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import type { ClassificationLevel, MaskReason, Policy, Principal } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime/context-token';
import type { GatewayConfig } from '../config';
import type { AuditWriter } from '../audit';
import type { Authenticator } from '../auth';
import type { RateLimits } from '../rate-limit';
import type { FactsSnapshot } from '../facts';
import type { ReadableCoordinates } from '../readable';
import type { OperationShape } from '../operation-walk';
import type { PersistedDocuments } from '../persisted-documents';
import type { Refusal } from './refusal';

/**
 * Where a request is when a stage runs, in order. `arrival`: nothing of it is read yet. `request`: its JSON body is
 * read; it is not GraphQL yet. `operation`: Apollo Server has parsed and validated the document and chosen the
 * operation. `execution`: the gateway's executor runs it. `response`: an answer is about to leave, whoever made it
 * (the pipeline, a refusal, or Apollo Server's and Express's own answers).
 */
const PHASES = ['arrival', 'request', 'operation', 'execution', 'response'] as const;
export type Phase = (typeof PHASES)[number];

/** The request as the stages see it: what they read of it, and the one thing they may do to the answer. */
export interface HttpExchange {
  readonly method: string;
  header(name: string): string | undefined;
  /** The client's address as `trust proxy` (HUB_TRUST_PROXY) says; null if the socket has none. */
  readonly ip: string | null;
  /** The JSON body (from the request phase on). */
  readonly body: unknown;
  setHeader(name: string, value: string): void;
  /** Adds `name` to the answer's Vary header (keeping what it lists already). */
  vary(name: string): void;
}

/** Where a request comes from, for its audit records: address, user agent, Apollo client name and version as sent. */
export type ClientRecord = { ip: string | null; userAgent: string | null; name: string | null; version: string | null };

/** The operation Apollo Server resolved, with what the gateway works out of its document once (operation-walk.ts). */
export interface Operation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly definition: OperationDefinitionNode;
  readonly type: OperationDefinitionNode['operation'];
  readonly name: string | null;
  /** SHA-256 of the document's text (Apollo Server's queryHash). */
  readonly hash: string;
  readonly variables: Record<string, unknown> | undefined;
  readonly shape: OperationShape;
  /** The id of the registered document the request runs (persisted-documents.stage.ts); null for any other. */
  readonly documentId: string | null;
}

/** What a request asked, as its audit records keep it. */
export interface Asked {
  readonly operation: Record<string, unknown>;
  /** Masked (masking.ts), or by digest when large (audit-content.ts). */
  readonly variables: unknown;
  readonly requested: readonly string[];
  /** The username a sign-in tried, kept with the principal (never a password or token). */
  readonly username?: string;
}

/** A coordinate the policy refused this caller, and why. */
export interface Denial {
  readonly coordinate: string;
  /** Response path (aliases), without list indices; null when the whole request was the coordinate (the export). */
  readonly path: readonly string[] | null;
  readonly reason: string;
}

/** What the subgraphs are asked: the operation without the denied fields, and how the answer is completed. */
export interface FetchPlan {
  readonly document: DocumentNode;
  readonly definition: OperationDefinitionNode;
  /** The query planner's cache key: a pruned operation has its own. */
  readonly queryHash: string;
  /** Where the answer gets null for what was removed. */
  readonly nulls: readonly (readonly string[])[];
  /** One FORBIDDEN error per removed path. */
  readonly forbidden: readonly GraphQLError[];
}

/** The query planner's executor for this request (Apollo Server's request context, the loaded supergraph's executor). */
export interface Execution {
  readonly request: GatewayGraphQLRequestContext;
  readonly execute: GatewayExecutor;
}

/** What the audit records of an answer that is not a GraphQL result. */
export interface AnswerRecord {
  readonly outcome: 'ok' | 'rejected' | 'denied' | 'error';
  readonly errorCodes: readonly string[];
  /** Why the request was refused before it became an operation. */
  readonly refused?: string;
  /** Size of a body already written. */
  readonly bytes?: number;
}

/** An answer, as it is about to leave. */
export interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The JSON the caller gets; undefined for a stream or a body already written. */
  readonly body?: unknown;
  /** Set on an answer GraphQL made: its body is the GraphQL result. */
  readonly graphql?: { readonly operationName: string | null; readonly raised: readonly GraphQLError[] };
  /** For any other answer: what the audit records; false when nothing can be recorded (the store is down). */
  readonly record?: AnswerRecord | false;
}

/**
 * Everything the gateway learns of one request. Each field is provided once, by the stage that declares it (or by
 * the host, see HOST), and only read after: a stage gets the fields it declares as read-only input and returns the
 * ones it provides.
 */
export interface RequestState {
  /** Host, from arrival. */
  http: HttpExchange;
  /** request-id: the id every log line, subgraph call and audit record of this request carries. */
  requestId: string;
  /** request-id: process.hrtime.bigint() when the request arrived. */
  received: bigint;
  /** request-id */
  client: ClientRecord;
  /** authenticate */
  principal: Principal;
  /** Host, from the operation phase. */
  operation: Operation;
  /** audit-asked; undefined when the gateway keeps no audit (benchmarks). */
  asked: Asked | undefined;
  /** policy-prune */
  denied: readonly Denial[];
  /** policy-prune */
  plan: FetchPlan;
  /** Host, in the execution phase. */
  execution: Execution;
  /** subgraph-fetch: the answer to the caller's operation (the pruned operation's, completed). */
  result: GatewayExecutionResult;
  /** subgraph-fetch: the subgraphs called, sorted. */
  subgraphs: readonly string[];
  /** Host, in the response phase: the answer as it was made. */
  answer: Answer;
  /** error-masking: the answer as the caller may see it. */
  shown: Answer;
  /** audit-record: the answer as recorded (a 503 instead when its record could not be committed). */
  sent: Answer;
  /** language: the answer that leaves, its messages in the caller's language. */
  spoken: Answer;
}
export type Field = keyof RequestState;

/** Fields the host provides, by the phase from which they are known. */
const HOST = {
  arrival: ['http'],
  request: [],
  operation: ['operation'],
  execution: ['execution'],
  response: ['answer'],
} as const satisfies Record<Phase, readonly Field[]>;
type HostField = (typeof HOST)[Phase][number];

/** The gateway's services, built once at start-up; each stage takes what it needs. */
export interface GatewayServices {
  config: GatewayConfig;
  log: Logger;
  /** Undefined only with HUB_AUDIT=off (benchmarks). */
  audit: AuditWriter | undefined;
  auth: Authenticator;
  rateLimits: RateLimits;
  /** Undefined only with HUB_POLICY=off (benchmarks). */
  policy: Policy | undefined;
  facts: FactsSnapshot;
  readable: ReadableCoordinates | undefined;
  signContext(claims: CallerClaims): Promise<string>;
  /** Each coordinate's classification. */
  levels: Map<string, ClassificationLevel>;
  /** Arguments and input fields whose values the audit masks. */
  masked: Map<string, MaskReason>;
  /** The registered operations (HUB_PERSISTED_DOCUMENTS); none when the operator installed no manifest. */
  persisted: PersistedDocuments;
}

/** What Apollo Server runs itself on a stage's behalf: options of its parser, rules of its validation, error formatting. */
export interface ApolloParts {
  parseOptions?: ParseOptions;
  validationRules?: ValidationRule[];
  /** Each error of every answer Apollo Server formats, as the caller gets it. */
  formatError?(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export type Input<N extends Field, U extends Field> = Readonly<Pick<RequestState, N>> & Readonly<Partial<Pick<RequestState, U>>>;
export type Output<P extends Field> = [P] extends [never] ? void : Pick<RequestState, P>;
type Awaitable<T> = T | Promise<T>;

export interface StageRuntime<Ph extends Phase, N extends Field, U extends Field, P extends Field> {
  /** What the stage does for one request: its outputs, or (before the response phase) a refusal that ends the request. */
  run(input: Input<N, U>): Awaitable<Output<P> | (Ph extends 'response' ? never : Refusal)>;
  apollo?: ApolloParts;
}

export interface Stage<
  Ph extends Phase = Phase,
  N extends Field = never,
  U extends Field = never,
  P extends Field = never,
  Name extends string = string,
> {
  readonly name: Name;
  readonly phase: Ph;
  /** Fields it reads, which an earlier stage or the host has provided whenever it runs. */
  readonly needs: readonly N[];
  /** Fields it reads if they are there (a request refused early never got them). */
  readonly uses?: readonly U[];
  /** Fields it provides; no other stage does. */
  readonly provides: readonly P[];
  /** Built once per gateway. */
  create(services: GatewayServices): StageRuntime<Ph, N, U, P>;
}

/** Any stage, whatever its fields. */
export interface AnyStage {
  readonly name: string;
  readonly phase: Phase;
  readonly needs: readonly Field[];
  readonly uses?: readonly Field[];
  readonly provides: readonly Field[];
  create(services: GatewayServices): { run(input: never): unknown; apollo?: ApolloParts };
}

/** Declares a stage: the fields its `run` may read and must return are those of needs, uses and provides. */
export function stage<
  Ph extends Phase,
  N extends Field = never,
  U extends Field = never,
  P extends Field = never,
  const Name extends string = string,
>(s: {
  readonly name: Name;
  readonly phase: Ph;
  readonly needs: readonly N[];
  readonly uses?: readonly U[];
  readonly provides: readonly P[];
  create(services: GatewayServices): StageRuntime<NoInfer<Ph>, NoInfer<N>, NoInfer<U>, NoInfer<P>>;
}): Stage<Ph, NoInfer<N>, NoInfer<U>, NoInfer<P>, Name> {
  return s;
}

/** Each phase and the ones before it. */
type UpTo = {
  arrival: 'arrival';
  request: 'arrival' | 'request';
  operation: 'arrival' | 'request' | 'operation';
  execution: 'arrival' | 'request' | 'operation' | 'execution';
  response: Phase;
};
type Later<Ph extends Phase> = Exclude<Phase, UpTo[Ph]>;
type HostUpTo<Ph extends Phase> = (typeof HOST)[UpTo[Ph]][number];
type HostOf<Ph extends Phase> = (typeof HOST)[Ph][number];
type NeedsOf<S extends AnyStage> = S['needs'][number];
type UsesOf<S extends AnyStage> = NonNullable<S['uses']>[number];
type ProvidesOf<S extends AnyStage> = S['provides'][number];

/**
 * The list's order, checked by the compiler as `orderProblems` checks it at start-up: phases in order; every field a
 * stage needs provided before it (in the response phase, which every answer reaches, only what arrival provided and
 * earlier response stages); every field provided once.
 */
type Checked<
  L extends readonly AnyStage[],
  Known extends Field = never,
  Always extends Field = never,
  Seen extends Phase = never,
> = L extends readonly [infer S extends AnyStage, ...infer R extends readonly AnyStage[]]
  ? [Extract<Seen, Later<S['phase']>>] extends [never]
    ? [
        Exclude<NeedsOf<S>, S['phase'] extends 'response' ? Always | HostOf<'arrival'> | HostOf<'response'> : Known | HostUpTo<S['phase']>>,
      ] extends [never]
      ? [Exclude<UsesOf<S>, Known | HostField>] extends [never]
        ? [Extract<ProvidesOf<S>, Known | HostField>] extends [never]
          ? Checked<
              R,
              Known | ProvidesOf<S>,
              S['phase'] extends 'arrival' | 'response' ? Always | ProvidesOf<S> : Always,
              Seen | S['phase']
            >
          : `stage ${S['name']} provides ${Extract<ProvidesOf<S>, Known | HostField>}, which is provided before it`
        : `stage ${S['name']} uses ${Exclude<UsesOf<S>, Known | HostField>}, which nothing before it provides`
      : `stage ${S['name']} needs ${Exclude<NeedsOf<S>, Known | HostField>}, which is not provided before it for every request that reaches it`
    : `stage ${S['name']} (${S['phase']}) comes after a stage of a later phase`
  : unknown;

/** What is wrong with the order of a list of stages (nothing, for the gateway's). */
export function orderProblems(stages: readonly AnyStage[]): string[] {
  const problems: string[] = [];
  const known = new Set<Field>();
  const always = new Set<Field>([...HOST.arrival, ...HOST.response]);
  const allHost = new Set<Field>(PHASES.flatMap((p) => HOST[p]));
  let rank = 0;
  for (const s of stages) {
    const r = PHASES.indexOf(s.phase);
    if (r < rank) problems.push(`stage ${s.name} (${s.phase}) comes after a stage of a later phase`);
    rank = Math.max(rank, r);
    const host = new Set<Field>(PHASES.slice(0, r + 1).flatMap((p) => HOST[p]));
    const available = s.phase === 'response' ? always : new Set([...known, ...host]);
    for (const f of s.needs)
      if (!available.has(f)) problems.push(`stage ${s.name} needs ${f}, which is not provided before it for every request that reaches it`);
    for (const f of s.uses ?? [])
      if (!known.has(f) && !allHost.has(f)) problems.push(`stage ${s.name} uses ${f}, which nothing before it provides`);
    for (const f of s.provides) {
      if (known.has(f) || allHost.has(f)) problems.push(`stage ${s.name} provides ${f}, which is provided before it`);
      known.add(f);
      if (s.phase === 'arrival' || s.phase === 'response') always.add(f);
    }
  }
  return problems;
}

/** The gateway's ordered list: refused by the compiler, and at start-up, if its order does not hold together. */
export function ordered<const L extends readonly AnyStage[]>(stages: L & Checked<L>): L {
  const problems = orderProblems(stages);
  if (problems.length) throw new Error(`the gateway's stages are out of order: ${problems.join('; ')}`);
  return stages;
}
