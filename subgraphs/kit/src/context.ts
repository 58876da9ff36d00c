// What every resolver receives: its own EntityManager fork, its own loaders, and request metadata.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CallerClaims, Logger } from '@hub/runtime';
import type { BatchFns, Loaders } from './loaders';
import type { HistoryReader } from './history-reader';

export interface HubContext<B extends BatchFns = BatchFns, S = unknown> {
  em: EntityManager;
  loaders: Loaders<B>;
  requestId: string;
  /** Who is asking, as the gateway's context token says. */
  caller: CallerClaims;
  /** When this answer was read; every record's provenance carries it. */
  retrievedAt: Date;
  log: Logger;
  /** Change history of this subgraph's records, masked for this caller (`historyResolver` uses it). */
  history: HistoryReader;
  /** The subgraph's own settings (its definition's `settings`), parsed once at start-up. */
  settings: S;
}
