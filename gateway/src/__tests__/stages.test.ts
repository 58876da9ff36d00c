// The gateway's pipeline is one ordered list: this order, checked to hold together (every field read is provided
// before, once), and a request refused by one stage goes through no later stage but those of the response phase.
import { ErrorCode } from '@hub/schema';
import { STAGES } from '../stages';
import { buildPipeline, Run } from '../pipeline/adapter';
import { refuse } from '../pipeline/refusal';
import { ordered, orderProblems, stage, type AnyStage, type GatewayServices, type HttpExchange } from '../pipeline/stage';

describe('the stage list', () => {
  it('is in this order, by phase', () => {
    expect(STAGES.map((s) => `${s.phase} ${s.name}`)).toEqual([
      'arrival request-id',
      'request audit-gate',
      'request authenticate',
      'request one-operation',
      'request persisted-documents',
      'request rate-limit',
      'operation audit-asked',
      'operation limits',
      'operation audit-intent',
      'execution policy-prune',
      'execution subgraph-fetch',
      'response error-masking',
      'response audit-record',
      'response language',
      'response log',
    ]);
  });

  it('holds together: every field a stage reads is provided before it, and each is provided once', () => {
    expect(orderProblems(STAGES)).toEqual([]);
    const provided = STAGES.flatMap((s) => [...s.provides]);
    expect(new Set(provided).size).toBe(provided.length);
  });

  const swapped = (a: string, b: string): AnyStage[] => {
    const list: AnyStage[] = [...STAGES];
    const i = list.findIndex((s) => s.name === a);
    const j = list.findIndex((s) => s.name === b);
    [list[i], list[j]] = [list[j], list[i]];
    return list;
  };

  it('is refused when a stage comes before what it needs, or a later phase before an earlier one', () => {
    expect(orderProblems(swapped('authenticate', 'rate-limit'))).toEqual([
      'stage rate-limit needs principal, which is not provided before it for every request that reaches it',
      'stage persisted-documents needs principal, which is not provided before it for every request that reaches it',
    ]);
    expect(orderProblems(swapped('audit-asked', 'audit-intent'))).toEqual([
      'stage audit-intent needs asked, which is not provided before it for every request that reaches it',
    ]);
    expect(orderProblems(swapped('audit-intent', 'policy-prune'))).toEqual([
      'stage audit-intent (operation) comes after a stage of a later phase',
    ]);
    expect(orderProblems(swapped('error-masking', 'audit-record'))).toEqual([
      'stage audit-record needs shown, which is not provided before it for every request that reaches it',
    ]);
    expect(() => ordered(swapped('authenticate', 'rate-limit') as never)).toThrow(
      /stages are out of order: stage rate-limit needs principal/,
    );
  });

  it('lets a response stage need only what every answer has (a request may be refused before authenticate)', () => {
    const needsPrincipal = stage({
      name: 'greedy',
      phase: 'response',
      needs: ['principal'],
      provides: [],
      create: () => ({ run: () => undefined }),
    });
    expect(orderProblems([...STAGES, needsPrincipal])).toEqual([
      'stage greedy needs principal, which is not provided before it for every request that reaches it',
    ]);
    const again = stage({
      name: 'again',
      phase: 'request',
      needs: [],
      provides: ['requestId'],
      create: () => ({ run: () => ({ requestId: 'x' }) }),
    });
    expect(orderProblems([STAGES[0], again])).toEqual(['stage again provides requestId, which is provided before it']);
  });
});

describe('a run through the stages', () => {
  const http: HttpExchange = {
    method: 'POST',
    header: () => undefined,
    ip: '127.0.0.1',
    body: {},
    setHeader: () => undefined,
    vary: () => undefined,
  };
  const services = {} as GatewayServices;

  function pipeline(refuseAt?: string) {
    const ran: string[] = [];
    const seen: unknown[] = [];
    const step = <const Name extends string>(name: Name) => ({
      name,
      needs: [],
      provides: [],
      create: () => ({
        run() {
          ran.push(name);
          return name === refuseAt ? refuse({ message: `refused by ${name}`, extensions: { code: ErrorCode.BAD_REQUEST } }) : undefined;
        },
      }),
    });
    const list = ordered([
      stage({
        name: 'id',
        phase: 'arrival',
        needs: [],
        provides: ['requestId'],
        create: () => ({
          run() {
            ran.push('id');
            const out = { requestId: 'r-1', principal: 'not declared' };
            return out;
          },
        }),
      }),
      stage({ ...step('gate'), phase: 'request' }),
      stage({ ...step('budget'), phase: 'request' }),
      stage({ ...step('limits'), phase: 'operation' }),
      stage({ ...step('fetch'), phase: 'execution' }),
      stage({
        name: 'record',
        phase: 'response',
        needs: ['requestId', 'answer'],
        provides: ['sent'],
        create: () => ({ run: ({ requestId, answer }) => (ran.push('record'), seen.push({ requestId, answer }), { sent: answer }) }),
      }),
    ]);
    return { run: new Run(buildPipeline(list, services), http), ran, seen };
  }

  async function through({ run }: { run: Run }) {
    for (const phase of ['arrival', 'request', 'operation', 'execution'] as const) {
      const refusal = await run.through(phase);
      if (refusal) return run.respond(refusal.answer());
    }
    return run.respond({ status: 200, body: { data: {} } });
  }

  it('goes through every stage in order when nothing refuses', async () => {
    const p = pipeline();
    expect(await through(p)).toEqual({ status: 200, body: { data: {} } });
    expect(p.ran).toEqual(['id', 'gate', 'budget', 'limits', 'fetch', 'record']);
  });

  it('skips every later stage but the response phase once one refuses, and the response stages get the refusal', async () => {
    const p = pipeline('gate');
    const sent = await through(p);
    expect(p.ran).toEqual(['id', 'gate', 'record']);
    expect(sent).toEqual({
      status: 400,
      headers: {},
      body: { errors: [{ message: 'refused by gate', extensions: { code: 'BAD_REQUEST' } }] },
      record: { outcome: 'rejected', errorCodes: ['BAD_REQUEST'], refused: 'refused by gate' },
    });
    expect(p.seen).toEqual([{ requestId: 'r-1', answer: sent }]);
  });

  it('takes from a stage only the fields it declares', async () => {
    const p = pipeline('limits');
    await through(p);
    expect(p.ran).toEqual(['id', 'gate', 'budget', 'limits', 'record']);
    expect(p.run.state.requestId).toBe('r-1');
    expect('principal' in p.run.state).toBe(false);
  });

  it('puts a request through the response phase once, whoever answers it', async () => {
    const p = pipeline();
    const first = p.run.respond({ status: 408, record: { outcome: 'rejected', errorCodes: ['REQUEST_TIMEOUT'] } });
    const second = p.run.respond({ status: 400, body: {} });
    expect(await second).toBe(await first);
    expect(p.ran.filter((s) => s === 'record')).toHaveLength(1);
  });
});
