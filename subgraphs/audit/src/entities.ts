// The audit store's table as MikroORM sees it: read-only (this subgraph's role may only SELECT). Resolvers read it
// with plain SQL; the entity exists so the kit's ORM knows the database it serves.
import { EntitySchema } from '@mikro-orm/core';

export interface AuditRecordRow {
  chainId: string;
  seq: number;
  at: Date;
}

export const AuditRecordSchema = new EntitySchema<AuditRecordRow>({
  name: 'AuditRecordRow',
  tableName: 'audit_record',
  readonly: true,
  properties: {
    chainId: { type: 'uuid', primary: true },
    seq: { type: 'bigint', primary: true },
    at: { type: 'datetime', primary: true },
  },
});
