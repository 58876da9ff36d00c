// The audit subgraph's resolvers: plain SQL over the audit store (read-only role), newest first.
import type { HubContext } from '@hub/kit';
import { pageOf } from '@hub/kit';
import { badUserInput, msg, readSupergraph, SUBGRAPHS, subgraphOfCoordinates } from '@hub/schema';
import { parse } from 'graphql';
import { loadCheckpoints, verifyAuditChain } from '@hub/audit-chain';
import type { AuditSettings } from './config';
import type { Resolvers } from './__generated__/resolvers-types';
import {
  accessStatistics,
  decodeEventCursor,
  encodeEventCursor,
  eventOf,
  eventCount,
  eventPage,
  fieldUsage,
  unusedFields,
  eventId,
  eventRow,
  instant,
  LATER_THAN_FROM,
  keyOfRow,
  parseEventId,
  sqlOn,
} from './events';

/** Every field coordinate of the graph clients see, with the subgraph that serves it (from the checked-in supergraph). */
let served: Map<string, string> | undefined;

/** The graph's field coordinates (of one subgraph when named). */
function graphCoordinates(subgraph: string | null | undefined): string[] {
  if (subgraph != null && !SUBGRAPHS.some((s) => s.name === subgraph))
    throw badUserInput(
      'subgraph',
      msg(
        `must be a subgraph of the registry (${SUBGRAPHS.map((s) => s.name).join(', ')}), got ${JSON.stringify(subgraph)}`,
        `phải là một subgraph trong danh mục (${SUBGRAPHS.map((s) => s.name).join(', ')}), nhận được ${JSON.stringify(subgraph)}`,
      ),
    );
  served ??= subgraphOfCoordinates(parse(readSupergraph()));
  // The supergraph's object types only: federation's own (join__, link__, _Entity) are not among them.
  return [...served].filter(([, s]) => subgraph == null || s === subgraph).map(([c]) => c);
}

export const resolvers: Resolvers<HubContext<any, AuditSettings>> = {
  Query: {
    async auditEvents(_, args, ctx) {
      const page = pageOf({ first: args.first, after: null });
      const after = args.after == null ? undefined : decodeEventCursor(args.after);
      const rows = await eventPage(sqlOn(ctx.em), args.filter, page.limit + 1, after);
      const hasNextPage = rows.length > page.limit;
      const edges = rows.slice(0, page.limit).map((r) => ({ cursor: encodeEventCursor(keyOfRow(r)), node: eventOf(r) }));
      return {
        edges: () => edges,
        nodes: edges.map((e) => e.node),
        pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
        // Counted only when the client asks for it: a count over months of records is not free.
        totalCount: () => eventCount(sqlOn(ctx.em), args.filter),
      };
    },

    async auditEvent(_, args, ctx) {
      const id = parseEventId(args.id);
      if (!id)
        throw badUserInput(
          'id',
          msg(
            'must be an audit event id as auditEvents lists it (<chainId>:<seq>)',
            'phải là mã bản ghi kiểm toán như auditEvents liệt kê (<chainId>:<seq>)',
          ),
        );
      const row = await eventRow(sqlOn(ctx.em), id.chainId, id.seq);
      return row ? eventOf(row) : null;
    },

    async accessStatistics(_, args, ctx) {
      return accessStatistics(sqlOn(ctx.em), instant(args.from, 'from')!, instant(args.to, 'to')!, args.groupBy);
    },

    async fieldUsage(_, args, ctx) {
      return fieldUsage(sqlOn(ctx.em), instant(args.from, 'from')!, instant(args.to, 'to')!, args.coordinates);
    },

    async unusedFields(_, args, ctx) {
      const all = graphCoordinates(args.subgraph);
      return unusedFields(sqlOn(ctx.em), instant(args.from, 'from')!, instant(args.to, 'to')!, all);
    },

    async verifyAuditChain(_, args, ctx) {
      const from = instant(args.from, 'from');
      const to = instant(args.to, 'to');
      if (from && to && from >= to) throw badUserInput('to', LATER_THAN_FROM);
      const { publicKey, checkpointDir } = ctx.settings;
      const checkedAt = new Date();
      const loaded = checkpointDir ? await loadCheckpoints(checkpointDir, publicKey, { from, to }) : undefined;
      const report = await verifyAuditChain(
        sqlOn(ctx.em),
        { from, to },
        { publicKey, pins: loaded?.pins, checkpointProblems: loaded?.problems },
      );
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
