// The stages (stages/index.ts) on the hooks of Express and Apollo Server, all in this file:
//   arrival    Express, before the body is read; the guard of every answer is set (record-every-answer.ts)
//   request    Express, once the JSON body is read
//   operation  Apollo Server's didResolveOperation (after its parser and validation, which run what stages hand it)
//   execution  the executor of the gateway Apollo Server runs (a GatewayInterface around ApolloGateway)
//   response   Apollo Server's willSendResponse for the answers it makes; here for refusals; the guard for the rest
// A refusal ends its phase and every phase after it but the response phase. Routes outside GraphQL run the stages
// they reuse through the same Run.
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewayUnsubscriber } from '@apollo/server-gateway-interface';
import type { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLError, type FormattedExecutionResult, type GraphQLErrorExtensions } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, hubError, msg } from '@hub/schema';
import { installScalars } from '../input-rules';
import { OperationShapes } from '../operation-walk';
import { guardAnswers, type AnswerGuard } from '../record-every-answer';
import { stringifyResult } from '../serialized';
import { Refusal, refuse } from './refusal';
import { DOCUMENT_MARK } from '../stages/persisted-documents.stage';
import {
  type AnyStage,
  type Answer,
  type ApolloParts,
  type GatewayServices,
  type HttpExchange,
  type Phase,
  type RequestState,
} from './stage';

interface Built {
  readonly stage: AnyStage;
  readonly run: (input: never) => unknown;
  readonly apollo?: ApolloParts;
}

/** The stages of a gateway, built from its services, by phase. */
export interface Pipeline {
  readonly phases: Readonly<Record<Phase, readonly Built[]>>;
  readonly all: readonly Built[];
  readonly services: GatewayServices;
}

const byPhase = (all: readonly Built[]) => ({
  arrival: all.filter((b) => b.stage.phase === 'arrival'),
  request: all.filter((b) => b.stage.phase === 'request'),
  operation: all.filter((b) => b.stage.phase === 'operation'),
  execution: all.filter((b) => b.stage.phase === 'execution'),
  response: all.filter((b) => b.stage.phase === 'response'),
});

/** Builds each stage of an ordered list (see `ordered`) from the gateway's services. */
export function buildPipeline(stages: readonly AnyStage[], services: GatewayServices): Pipeline {
  const all = stages.map((stage) => {
    const runtime = stage.create(services);
    return { stage, run: runtime.run.bind(runtime), apollo: runtime.apollo };
  });
  return { phases: byPhase(all), all, services };
}

/** The named stages of a pipeline, in its order (for a route that reuses them; the route provides the rest). */
export function reuse(pipeline: Pipeline, names: readonly string[]): Pipeline {
  const missing = names.filter((n) => !pipeline.all.some((b) => b.stage.name === n));
  if (missing.length) throw new Error(`no stage named ${missing.join(', ')}`);
  const all = pipeline.all.filter((b) => names.includes(b.stage.name));
  return { phases: byPhase(all), all, services: pipeline.services };
}

/** What a route outside GraphQL provides itself, being the stage that knows it there. */
type RouteFields = Partial<Pick<RequestState, 'principal' | 'asked' | 'denied' | 'subgraphs'>>;

/** One request going through a pipeline: its state, written only from stages' outputs (and the host's fields). */
export class Run implements AnswerGuard {
  private readonly fields: Partial<RequestState>;
  private responding?: Promise<Answer>;
  answered = false;
  started = false;

  constructor(
    private readonly pipeline: Pipeline,
    http: HttpExchange,
  ) {
    this.fields = { http };
  }

  /** A run of a route's stages: the arrival phase done. */
  static async start(pipeline: Pipeline, req: Request, res: Response): Promise<Run> {
    const run = new Run(pipeline, exchange(req, res));
    await run.through('arrival');
    return run;
  }

  get state(): Readonly<Partial<RequestState>> {
    return this.fields;
  }

  /** Runs one phase's stages in order; the first refusal ends it. */
  async through(phase: Phase): Promise<Refusal | undefined> {
    for (const b of this.pipeline.phases[phase]) {
      const r = b.run(this.fields as never);
      const out = r instanceof Promise ? await r : r;
      if (out instanceof Refusal) {
        this.take(b.stage, out.provided);
        return out;
      }
      if (out) this.take(b.stage, out as Partial<RequestState>);
    }
    return undefined;
  }

  /** Only what the stage declares it provides is taken. */
  private take(stage: AnyStage, out: Partial<RequestState>): void {
    for (const f of stage.provides) if (f in out) (this.fields as Record<string, unknown>)[f] = out[f];
  }

  /** What the host provides as its phase begins: the operation Apollo Server resolved, the query planner's executor. */
  host<F extends 'operation' | 'execution'>(field: F, value: RequestState[F]): void {
    this.fields[field] = value;
  }

  /** A route's own fields; like a stage's, each is written once. */
  provide(fields: RouteFields): void {
    for (const [k, v] of Object.entries(fields)) {
      if (k in this.fields) throw new Error(`${k} is provided already`);
      (this.fields as Record<string, unknown>)[k] = v;
    }
  }

  /** Puts the request's one answer through the response phase: the answer that may leave (a later call gets the same). */
  respond(answer: Answer): Promise<Answer> {
    this.answered = true;
    this.responding ??= (async () => {
      this.fields.answer = answer;
      await this.through('response');
      return this.fields.spoken ?? this.fields.sent ?? this.fields.shown ?? answer;
    })();
    return this.responding;
  }

  /** Responds, then writes the answer (JSON). */
  async send(res: Response, answer: Answer): Promise<void> {
    const sent = await this.respond(answer);
    if (res.headersSent) return;
    res.status(sent.status);
    for (const [name, value] of Object.entries(sent.headers ?? {})) res.setHeader(name, value);
    if (sent.body === undefined) res.end();
    else res.json(sent.body);
  }
}

function exchange(req: Request, res: Response): HttpExchange {
  return {
    method: req.method,
    header: (name) => req.header(name),
    get ip() {
      return req.ip ?? req.socket.remoteAddress ?? null;
    },
    get body() {
      return req.body as unknown;
    },
    setHeader: (name, value) => {
      if (!res.headersSent) res.setHeader(name, value);
    },
    vary: (name) => {
      if (!res.headersSent) res.vary(name);
    },
  };
}

export const runOf = (res: Response): Run => (res.locals as { run: Run }).run;

/** A refusal after GraphQL has begun: errors carrying its status (and headers) for Apollo Server to answer. */
function graphQLErrors(refusal: Refusal): GraphQLError[] {
  const http = Object.keys(refusal.headers).length
    ? { status: refusal.status, headers: new HeaderMap(Object.entries(refusal.headers)) }
    : { status: refusal.status };
  // (Apollo Server reads `http`; graphql-yoga, loaded beside it in the tests, types it differently.)
  return refusal.errors.map(
    (e) => new GraphQLError(e.message, { path: e.path, extensions: { ...e.extensions, http } as GraphQLErrorExtensions }),
  );
}

interface PipelineContext {
  run: Run;
}

/** The gateway Apollo Server runs: ApolloGateway's schema with the hub's real scalars, its executor the execution phase. */
class PipelineGateway implements GatewayInterface {
  constructor(private readonly inner: ApolloGateway) {}

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const loaded = await this.inner.load(options);
    installScalars(loaded.schema);
    const executor: GatewayExecutor = async (request) => {
      const { run } = request.context as PipelineContext;
      run.host('execution', { request, execute: loaded.executor });
      const refusal = await run.through('execution');
      if (refusal) return { errors: graphQLErrors(refusal) };
      return run.state.result!;
    };
    return { ...loaded, executor };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((s) => callback({ ...s, apiSchema: installScalars(s.apiSchema) }));
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }
}

/** The operation and response phases as Apollo Server's hooks. */
function pipelinePlugin(shapes: OperationShapes): ApolloServerPlugin<PipelineContext> {
  return {
    async requestDidStart({ contextValue: { run } }) {
      run.started = true;
      return {
        async didResolveOperation({ operation, document, schema, queryHash, request }) {
          // No operation of the document matches the request's operationName: the caller's mistake, nothing runs.
          if (!operation) {
            const name = request.operationName;
            const message = name
              ? msg(`Unknown operation named "${name}".`, `Không có thao tác tên "${name}".`)
              : msg(
                  'Must provide operation name if query contains multiple operations.',
                  'Hãy gửi tên thao tác (operationName) khi tài liệu có nhiều thao tác.',
                );
            throw hubError(message, { code: ErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } });
          }
          const shape = shapes.of(schema, document, operation, queryHash);
          run.host('operation', {
            schema,
            document,
            definition: operation,
            type: operation.operation,
            name: operation.name?.value ?? null,
            hash: queryHash,
            variables: request.variables,
            shape,
            documentId: persistedDocumentOf(request.extensions),
          });
          const refusal = await run.through('operation');
          if (refusal) throw graphQLErrors(refusal)[0];
        },
        async willSendResponse({ response, errors, request }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const answer: Answer = {
            status: response.http.status ?? 200,
            body,
            graphql: { operationName: request.operationName ?? null, raised: errors ?? [] },
          };
          const sent = await run.respond(answer);
          if (sent.body !== answer.body) response.body = { kind: 'single', singleResult: sent.body as FormattedExecutionResult };
          if (sent.status !== answer.status) response.http.status = sent.status;
        },
      };
    },
  };
}

/** A body that is not JSON (or too large, or never complete) is refused in GraphQL's error format, and recorded. */
const bodyErrors: ErrorRequestHandler = (err: { type?: string }, _req, res, next) => {
  if (res.headersSent) return next(err);
  const run = runOf(res);
  // The body stopped arriving: the server's request timeout closed the connection, or the client went away.
  if (err?.type === 'request.aborted') {
    const message = msg(
      'The connection closed before the request was complete (request timeout, or the client went away)',
      'Kết nối đã đóng trước khi yêu cầu được gửi xong (hết thời gian chờ, hoặc máy khách đã ngắt)',
    );
    return run.send(res, refuse(hubError(message, { code: ErrorCode.REQUEST_TIMEOUT }), { status: 408 }).answer());
  }
  if (!err?.type?.startsWith('entity.')) return next(err);
  const tooLarge = err.type === 'entity.too.large';
  const message = tooLarge
    ? msg('Request body is too large', 'Thân yêu cầu quá lớn')
    : msg('Request body is not valid JSON', 'Thân yêu cầu không phải JSON hợp lệ');
  return run.send(res, refuse(hubError(message, { code: ErrorCode.BAD_REQUEST }), { status: tooLarge ? 413 : 400 }).answer());
};

/**
 * /graphql: the whole pipeline, as Express handlers around Apollo Server (started here, stopped by the caller, who
 * drains the HTTP server first: one HTTP server outlives the Apollo Servers a reload replaces, see gateway.ts).
 */
export async function graphqlRoute(
  pipeline: Pipeline,
  inner: ApolloGateway,
  log: Logger,
): Promise<{ handlers: (RequestHandler | ErrorRequestHandler)[]; server: ApolloServer<PipelineContext> }> {
  const apollo = pipeline.all.flatMap((b) => (b.apollo ? [b.apollo] : []));
  const formats = apollo.flatMap((a) => (a.formatError ? [a.formatError] : []));
  const options: ApolloServerOptions<PipelineContext> = {
    gateway: new PipelineGateway(inner),
    // Introspection is decided per caller by the limits stage.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Reuses the string the audit measured (one JSON.stringify per response, not two).
    stringifyResult,
    parseOptions: Object.assign({}, ...apollo.map((a) => a.parseOptions)),
    validationRules: apollo.flatMap((a) => a.validationRules ?? []),
    formatError: (formatted, error) => formats.reduce((f, format) => format(f, error), formatted),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      pipelinePlugin(
        new OperationShapes({ masked: pipeline.services.masked, maxTextLength: pipeline.services.config.limits.maxTextLength }),
      ),
    ],
    logger: { debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  };
  const server = new ApolloServer<PipelineContext>(options);
  await server.start();
  const arrival: RequestHandler = async (req, res, next) => {
    const run = new Run(pipeline, exchange(req, res));
    res.locals.run = run;
    // Whatever answers (Apollo Server's HTTP-level refusals included), the answer leaves only through the response phase.
    guardAnswers(res, run);
    const refusal = await run.through('arrival');
    if (refusal) return run.send(res, refusal.answer());
    next();
  };
  const request: RequestHandler = async (_req, res, next) => {
    const refusal = await runOf(res).through('request');
    if (refusal) return runOf(res).send(res, refusal.answer());
    next();
  };
  const handlers = [
    arrival,
    express.json({ limit: '1mb' }),
    request,
    expressMiddleware(server, { context: async ({ res }) => ({ run: runOf(res) }) }),
    bodyErrors,
  ];
  return { handlers, server };
}

/** The registered document the persisted-documents stage noted in the request's extensions, if any. */
function persistedDocumentOf(extensions: Record<string, unknown> | undefined): string | null {
  const id = extensions?.[DOCUMENT_MARK];
  return typeof id === 'string' ? id : null;
}
