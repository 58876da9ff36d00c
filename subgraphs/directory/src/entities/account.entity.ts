import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';
import { Agency } from './agency.entity';

/** `LOCKED` is no longer set (failed sign-ins throttle for a while instead); its accounts were made ACTIVE again. */
export type AccountStatus = 'ACTIVE' | 'DISABLED';
export type Role = 'SYSTEM_ADMIN' | 'AGENCY_ADMIN' | 'DATA_EDITOR' | 'OFFICIAL' | 'APPROVER' | 'AUDITOR';

/** A personal account of a state official. Citizens do not have accounts: they are the PUBLIC principal. */
export class Account extends HubEntity {
  username!: string;
  displayName!: string;
  agency!: Agency;
  roles: Role[] = [];
  status: AccountStatus = 'ACTIVE';
  /** scrypt, see password.ts; never leaves the directory. */
  passwordHash!: string;
  lastLoginAt?: Date | null;
  /** Why it was disabled (lost, stolen, left the agency…). */
  statusReason?: string | null;
}

export const AccountSchema = new EntitySchema<Account, HubEntity>({
  class: Account,
  extends: HubEntitySchema,
  tableName: 'account',
  indexes: [{ properties: ['agency'] }],
  properties: {
    username: { type: 'string', length: 80, unique: true },
    displayName: { type: 'string', length: 200 },
    agency: { kind: 'm:1', entity: () => Agency },
    roles: { type: 'text[]' },
    status: { type: 'string', length: 10 },
    passwordHash: { type: 'string', length: 200, lazy: true },
    lastLoginAt: { type: 'datetime', nullable: true },
    statusReason: { type: 'string', length: 300, nullable: true },
  },
});

/** The password hash is a secret (recorded as changed, never with a value); sign-in bookkeeping is not a change. */
export const AccountHistory = tracked(AccountSchema, {
  fields: { passwordHash: 'secret', lastLoginAt: 'ignore' },
});
