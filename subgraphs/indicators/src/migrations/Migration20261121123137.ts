import { Migration } from '@mikro-orm/migrations';

export class Migration20261121123137 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "category_combo" ("id" serial primary key, "key" varchar(300) not null, "dims" varchar(200) not null);`);
    this.addSql(`alter table "category_combo" add constraint "category_combo_key_unique" unique ("key");`);
    // The total (no disaggregation) is combination 0: the analytics read weights and formula inputs there.
    this.addSql(`insert into "category_combo" ("id", "key", "dims") values (0, '', '');`);

    this.addSql(
      `create table "dimension" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "categories" jsonb not null, constraint "dimension_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dimension" add constraint "dimension_code_unique" unique ("code");`);

    this.addSql(
      `create table "indicator" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "num" int not null, "code" varchar(20) not null, "group_code" varchar(10) not null, "name" varchar(300) not null, "name_en" varchar(300) null, "unit" varchar(50) not null, "definition" text null, "periodicities" jsonb not null, "levels" jsonb not null, "dimensions" jsonb not null, "aggregation" varchar(20) not null, "weight_code" varchar(20) null, "agency_code" varchar(40) not null, "formula" varchar(500) null, "min_value" double precision null, "max_value" double precision null, "search_text" varchar(700) not null, constraint "indicator_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "indicator" add constraint "indicator_num_unique" unique ("num");`);
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);
    this.addSql(`create index "indicator_group_code_index" on "indicator" ("group_code");`);
    this.addSql(`create index "indicator_agency_code_index" on "indicator" ("agency_code");`);

    this.addSql(
      `create table "indicator_value" ("indicator" int not null, "period" int not null, "unit" int not null, "combo" int not null, "value" double precision not null, "status" smallint not null, "upload" int not null, "updated_at" timestamptz not null, constraint "indicator_value_pkey" primary key ("indicator", "period", "unit", "combo"));`,
    );

    this.addSql(`create table "unit_key" ("id" serial primary key, "code" varchar(10) not null);`);
    this.addSql(`alter table "unit_key" add constraint "unit_key_code_unique" unique ("code");`);

    this.addSql(
      `create table "unit_rollup" ("ancestor" int not null, "descendant" int not null, "valid_from" date not null, "valid_to" date not null, "level" varchar(10) not null, "depth" smallint not null, constraint "unit_rollup_pkey" primary key ("ancestor", "descendant", "valid_from"));`,
    );
    this.addSql(`create index "unit_rollup_descendant_index" on "unit_rollup" ("descendant");`);

    this.addSql(
      `create table "unit_succession" ("predecessor" varchar(10) not null, "successor" varchar(10) not null, "effective_date" date not null, constraint "unit_succession_pkey" primary key ("predecessor", "successor"));`,
    );

    this.addSql(
      `create table "unit_version" ("code" varchar(10) not null, "valid_from" date not null, "valid_to" date not null, "name" varchar(200) not null, "level" varchar(10) not null, "parent_code" varchar(10) null, constraint "unit_version_pkey" primary key ("code", "valid_from"));`,
    );

    this.addSql(
      `create table "value_change" ("upload" int not null, "indicator" int not null, "period" int not null, "unit" int not null, "combo" int not null, "before" double precision null, "after" double precision not null, "before_status" smallint null, "after_status" smallint not null, constraint "value_change_pkey" primary key ("upload", "indicator", "period", "unit", "combo"));`,
    );
    this.addSql(
      `create index "value_change_indicator_unit_period_combo_index" on "value_change" ("indicator", "unit", "period", "combo");`,
    );

    this.addSql(
      `create table "value_upload" ("id" serial primary key, "account_id" varchar(100) null, "agency" varchar(40) null, "request_id" varchar(100) null, "source" varchar(300) null, "reason" text null, "count" int not null, "at" timestamptz not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "category_combo" cascade;`);

    this.addSql(`drop table if exists "dimension" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_value" cascade;`);

    this.addSql(`drop table if exists "unit_key" cascade;`);

    this.addSql(`drop table if exists "unit_rollup" cascade;`);

    this.addSql(`drop table if exists "unit_succession" cascade;`);

    this.addSql(`drop table if exists "unit_version" cascade;`);

    this.addSql(`drop table if exists "value_change" cascade;`);

    this.addSql(`drop table if exists "value_upload" cascade;`);
  }
}
