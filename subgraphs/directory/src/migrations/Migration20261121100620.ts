import { Migration } from '@mikro-orm/migrations';

export class Migration20261121100620 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "administrative_unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(5) not null, "name" varchar(200) not null, "kind" varchar(20) not null, "level" varchar(10) not null, "parent_id" uuid null, "valid_from" date null, "valid_to" date null, "search_text" varchar(200) not null, constraint "administrative_unit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "administrative_unit_code_index" on "administrative_unit" ("code");`);
    this.addSql(`create index "administrative_unit_parent_id_index" on "administrative_unit" ("parent_id");`);
    this.addSql(
      `alter table "administrative_unit" add constraint "administrative_unit_code_valid_from_unique" unique ("code", "valid_from");`,
    );

    this.addSql(
      `create table "agency" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(40) not null, "name" varchar(300) not null, "name_en" varchar(300) null, "kind" varchar(30) not null, "level" varchar(10) not null, "unit_code" varchar(5) null, "parent_id" uuid null, "valid_from" date null, "valid_to" date null, "successor_id" uuid null, "contact_address" varchar(300) null, "contact_phone" varchar(40) null, "contact_email" varchar(120) null, "contact_website" varchar(200) null, "search_text" varchar(700) not null, constraint "agency_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);
    this.addSql(`create index "agency_parent_id_index" on "agency" ("parent_id");`);
    this.addSql(`create index "agency_successor_id_index" on "agency" ("successor_id");`);

    this.addSql(
      `create table "dataset" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(40) not null, "name" varchar(300) not null, "name_en" varchar(300) null, "sector" varchar(200) not null, "description" text null, "subgraph" varchar(60) null, constraint "dataset_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dataset" add constraint "dataset_code_unique" unique ("code");`);

    this.addSql(
      `create table "dataset_ownership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "dataset_id" uuid not null, "agency_id" uuid not null, "valid_from" date null, "valid_to" date null, "basis" varchar(300) null, constraint "dataset_ownership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dataset_ownership_dataset_id_index" on "dataset_ownership" ("dataset_id");`);
    this.addSql(`create index "dataset_ownership_agency_id_index" on "dataset_ownership" ("agency_id");`);

    this.addSql(
      `create table "administrative_unit_succession" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "predecessor_id" uuid not null, "successor_id" uuid not null, "effective_date" date not null, "basis" varchar(200) null, constraint "administrative_unit_succession_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "administrative_unit_succession_successor_id_index" on "administrative_unit_succession" ("successor_id");`);
    this.addSql(
      `alter table "administrative_unit_succession" add constraint "administrative_unit_succession_predecessor_id_suc_98b72_unique" unique ("predecessor_id", "successor_id");`,
    );

    this.addSql(
      `alter table "administrative_unit" add constraint "administrative_unit_parent_id_foreign" foreign key ("parent_id") references "administrative_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "agency" add constraint "agency_successor_id_foreign" foreign key ("successor_id") references "agency" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "dataset_ownership" add constraint "dataset_ownership_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "dataset_ownership" add constraint "dataset_ownership_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "administrative_unit_succession" add constraint "administrative_unit_succession_predecessor_id_foreign" foreign key ("predecessor_id") references "administrative_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "administrative_unit_succession" add constraint "administrative_unit_succession_successor_id_foreign" foreign key ("successor_id") references "administrative_unit" ("id") on update cascade;`,
    );
  }

  /** Reverts the first migration: its tables go, with their data (`npm run migration:down`). */
  override async down(): Promise<void> {
    this.addSql(`drop table if exists "administrative_unit_succession" cascade;`);
    this.addSql(`drop table if exists "dataset_ownership" cascade;`);
    this.addSql(`drop table if exists "dataset" cascade;`);
    this.addSql(`drop table if exists "agency" cascade;`);
    this.addSql(`drop table if exists "administrative_unit" cascade;`);
  }
}
