import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import { Agency } from './agency.entity';

/** `LOCKED` is no longer set (failed sign-ins throttle for a while instead); its accounts were made ACTIVE again. */
export type AccountStatus = 'ACTIVE' | 'DISABLED';
export type Role = 'SYSTEM_ADMIN' | 'AGENCY_ADMIN' | 'DATA_EDITOR' | 'OFFICIAL' | 'APPROVER' | 'AUDITOR';

/** A personal account of a state official. Citizens do not have accounts: they are the PUBLIC principal. */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  indexes: [{ properties: ['agency'] }],
  properties: {
    ...hubEntityProperties,
    username: p.string().length(80).unique(),
    displayName: p.string().length(200),
    agency: () => p.manyToOne(Agency),
    roles: p
      .array()
      .$type<Role[]>()
      .onCreate(() => []),
    /**
     * The sector databases (catalogue codes) this account edits as DATA_EDITOR, granted per database by its agency
     * admin: the role counts only for these, and only while the account's agency owns them.
     */
    editorOf: p
      .array()
      .$type<string[]>()
      .default('{}')
      .onCreate(() => []),
    status: p
      .string()
      .$type<AccountStatus>()
      .length(10)
      .default('ACTIVE')
      .onCreate(() => 'ACTIVE'),
    /** scrypt, see password.ts; never leaves the directory. */
    passwordHash: p.string().length(200).lazy(true, false),
    lastLoginAt: p.datetime().nullable(),
    /** Why it was disabled (lost, stolen, left the agency…). */
    statusReason: p.string().length(300).nullable(),
  },
});
export type Account = InferEntity<typeof Account>;

/** The password hash is a secret (recorded as changed, never with a value); sign-in bookkeeping is not a change. */
export const AccountHistory = tracked(Account, {
  fields: { passwordHash: 'secret', lastLoginAt: 'ignore' },
});
