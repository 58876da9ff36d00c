// The audit subgraph's resolvers: plain SQL over the audit store (read-only role), newest first.
import type { HubContext } from '@hub/kit';
import { pageOf } from '@hub/kit';
import { badUserInput } from '@hub/schema';
import { verifyAuditChain } from '@hub/infra/audit';
import { loadCheckpoints } from '@hub/infra/audit-checkpoint';
import { verification } from './config';
import {
  accessStatistics,
  decodeEventCursor,
  encodeEventCursor,
  eventOf,
  eventPage,
  eventId,
  eventRow,
  instant,
  keyOfRow,
  parseEventId,
  sqlOn,
  type AuditEventFilter,
  type GroupBy,
} from './events';

export const resolvers = {
  Query: {
    async auditEvents(_: unknown, args: { filter?: AuditEventFilter; first?: number; after?: string }, ctx: HubContext) {
      const page = pageOf({ first: args.first, after: null });
      const after = args.after == null ? undefined : decodeEventCursor(args.after);
      const rows = await eventPage(sqlOn(ctx.em), args.filter, page.limit + 1, after);
      const hasNextPage = rows.length > page.limit;
      const edges = rows.slice(0, page.limit).map((r) => ({ cursor: encodeEventCursor(keyOfRow(r)), node: eventOf(r) }));
      return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
    },

    async auditEvent(_: unknown, args: { id: string }, ctx: HubContext) {
      const id = parseEventId(args.id);
      if (!id) throw badUserInput('id', 'must be an audit event id as auditEvents lists it (<chainId>:<seq>)');
      const row = await eventRow(sqlOn(ctx.em), id.chainId, id.seq);
      return row ? eventOf(row) : null;
    },

    async accessStatistics(_: unknown, args: { from: Date; to: Date; groupBy: GroupBy }, ctx: HubContext) {
      return accessStatistics(sqlOn(ctx.em), instant(args.from, 'from')!, instant(args.to, 'to')!, args.groupBy);
    },

    async verifyAuditChain(_: unknown, args: { from?: Date | null; to?: Date | null }, ctx: HubContext) {
      const from = instant(args.from, 'from');
      const to = instant(args.to, 'to');
      if (from && to && from >= to) throw badUserInput('to', 'must be later than from');
      const { publicKey, checkpointDir } = verification();
      const checkedAt = new Date();
      if (!publicKey) {
        return { ok: false, records: 0, chains: 0, signatures: null, checkpoints: 0, checkpointed: 0, outcomeUnknown: 0, brokenLink: null, problem: 'the audit subgraph has no public key to verify signatures with (HUB_AUDIT_PUBLIC_KEY_FILE)', checkedAt };
      }
      const loaded = checkpointDir ? await loadCheckpoints(checkpointDir, publicKey, { from, to }) : undefined;
      const report = await verifyAuditChain(sqlOn(ctx.em), { from, to }, { publicKey, pins: loaded?.pins, checkpointProblems: loaded?.problems });
      return {
        ok: report.ok,
        records: report.records,
        chains: report.chains,
        signatures: report.signatures,
        checkpoints: loaded?.checkpoints ?? 0,
        latestCheckpoint: loaded?.latest ? new Date(loaded.latest) : null,
        checkpointed: report.checkpointed,
        outcomeUnknown: report.outcomeUnknown,
        brokenLink: report.broken ? { ...report.broken, eventId: eventId(report.broken.chainId, report.broken.seq) } : null,
        problem: report.problem ?? null,
        checkedAt,
      };
    },
  },
};
