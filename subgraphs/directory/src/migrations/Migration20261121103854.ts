import { Migration } from '@mikro-orm/migrations';

export class Migration20261121103854 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "account" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "username" varchar(80) not null, "display_name" varchar(200) not null, "agency_id" uuid not null, "roles" text[] not null, "status" varchar(10) not null default 'ACTIVE', "password_hash" varchar(200) not null, "failed_logins" int not null default 0, "last_login_at" timestamptz null, "status_reason" varchar(300) null, constraint "account_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account" add constraint "account_username_unique" unique ("username");`);
    this.addSql(`create index "account_agency_id_index" on "account" ("agency_id");`);

    this.addSql(
      `create table "account_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "account_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "account_session_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account_session" add constraint "account_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_session_account_id_index" on "account_session" ("account_id");`);

    this.addSql(
      `alter table "account" add constraint "account_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "account_session" add constraint "account_session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account_session" drop constraint "account_session_account_id_foreign";`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "account_session" cascade;`);
  }
}
