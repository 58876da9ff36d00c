import { Migration } from '@mikro-orm/migrations';

export class Migration20261202133549 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sign_in_throttle" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "key" varchar(80) not null, "failures" int not null default 0, "last_failure_at" timestamptz null, "blocked_until" timestamptz null, constraint "sign_in_throttle_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sign_in_throttle" add constraint "sign_in_throttle_key_unique" unique ("key");`);

    this.addSql(`alter table "account" drop column "failed_logins";`);
    // Failed sign-ins no longer lock an account for good: the accounts they locked sign in again (hand-edited).
    this.addSql(`update "account" set "status" = 'ACTIVE', "status_reason" = null where "status" = 'LOCKED';`);

    // Sessions from before families: each is a family of its own (hand-edited: the column is filled before NOT NULL).
    this.addSql(`alter table "account_session" add column "family_id" uuid null, add column "rotated_at" timestamptz null;`);
    this.addSql(`update "account_session" set "family_id" = "id";`);
    this.addSql(`alter table "account_session" alter column "family_id" set not null;`);
    this.addSql(`create index "account_session_family_id_index" on "account_session" ("family_id");`);

    // An agreement requested or decided by an external (OIDC) account names it as `oidc:<subject>` (hand-written).
    this.addSql(
      `alter table "sharing_agreement" alter column "requested_by" type varchar(100) using "requested_by"::text, alter column "decided_by" type varchar(100) using "decided_by"::text;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);

    this.addSql(
      `alter table "sharing_agreement" alter column "requested_by" type uuid using "requested_by"::uuid, alter column "decided_by" type uuid using "decided_by"::uuid;`,
    );

    this.addSql(`alter table "account" add column "failed_logins" int4 not null default 0;`);

    this.addSql(`drop index "account_session_family_id_index";`);
    this.addSql(`alter table "account_session" drop column "family_id", drop column "rotated_at";`);
  }
}
