import { Migration } from '@mikro-orm/migrations';

export class Migration20261204191425 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "border_gate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(20) not null, "counterpart_gate" varchar(300) not null, "opened_on" date null, "commune_code" varchar(5) not null, constraint "border_gate_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "border_gate" add constraint "border_gate_code_unique" unique ("code");`);

    this.addSql(
      `create table "energy_project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(10) not null, "capacity_mw" double precision not null, "commune_codes" text[] not null, "operator" varchar(300) not null, "status" varchar(20) not null, "commissioned_on" date null, "ended_on" date null, "investment_billion_vnd" double precision null, "search_text" varchar(300) not null, constraint "energy_project_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "energy_project" add constraint "energy_project_code_unique" unique ("code");`);

    this.addSql(
      `create table "fuel_station" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "operator" varchar(300) not null, "licence_number" varchar(60) not null, "licensed_on" date not null, "issuer_code" varchar(20) not null, "tank_capacity_m3" double precision not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "search_text" varchar(600) not null, constraint "fuel_station_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "fuel_station" add constraint "fuel_station_code_unique" unique ("code");`);
    this.addSql(`create index "fuel_station_commune_code_index" on "fuel_station" ("commune_code");`);

    this.addSql(
      `create table "industrial_cluster" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "area_ha" double precision not null, "occupancy_rate" double precision not null, "status" varchar(20) not null, "decision_number" varchar(60) not null, "decision_date" date not null, "issuer_code" varchar(20) not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, constraint "industrial_cluster_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "industrial_cluster" add constraint "industrial_cluster_code_unique" unique ("code");`);
    this.addSql(`create index "industrial_cluster_commune_code_index" on "industrial_cluster" ("commune_code");`);

    this.addSql(
      `create table "industrial_establishment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "tax_code" varchar(10) not null, "sector_code" varchar(4) not null, "main_products" varchar(500) not null, "cluster_code" varchar(20) null, "commune_code" varchar(5) not null, "employees" int not null, "annual_output_billion_vnd" double precision null, "revenue_billion_vnd" double precision null, "representative_name" varchar(200) null, "representative_phone" varchar(20) null, "search_text" varchar(300) not null, constraint "industrial_establishment_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "industrial_establishment" add constraint "industrial_establishment_code_unique" unique ("code");`);
    this.addSql(`create index "industrial_establishment_commune_code_index" on "industrial_establishment" ("commune_code");`);
    this.addSql(`create index "industrial_establishment_cluster_code_index" on "industrial_establishment" ("cluster_code");`);

    this.addSql(
      `create table "market" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "market_class" varchar(10) not null, "stalls" int not null, "operating_days" varchar(100) not null, "managed_by_code" varchar(20) not null, "commune_code" varchar(5) not null, "search_text" varchar(300) not null, constraint "market_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "market" add constraint "market_code_unique" unique ("code");`);
    this.addSql(`create index "market_commune_code_index" on "market" ("commune_code");`);

    this.addSql(
      `create table "trade_centre" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(20) not null, "trade_class" varchar(10) not null, "area_m2" double precision not null, "operator" varchar(300) not null, "commune_code" varchar(5) not null, constraint "trade_centre_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "trade_centre" add constraint "trade_centre_code_unique" unique ("code");`);
    this.addSql(`create index "trade_centre_commune_code_index" on "trade_centre" ("commune_code");`);

    this.addSql(
      `create table "trade_flow" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(60) not null, "border_gate_code" varchar(20) not null, "period_id" varchar(8) not null, "direction" varchar(10) not null, "commodity_group" varchar(20) not null, "value_usd" double precision not null, constraint "trade_flow_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "trade_flow" add constraint "trade_flow_code_unique" unique ("code");`);
    this.addSql(`create index "trade_flow_border_gate_code_period_id_index" on "trade_flow" ("border_gate_code", "period_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "border_gate" cascade;`);

    this.addSql(`drop table if exists "energy_project" cascade;`);

    this.addSql(`drop table if exists "fuel_station" cascade;`);

    this.addSql(`drop table if exists "industrial_cluster" cascade;`);

    this.addSql(`drop table if exists "industrial_establishment" cascade;`);

    this.addSql(`drop table if exists "market" cascade;`);

    this.addSql(`drop table if exists "trade_centre" cascade;`);

    this.addSql(`drop table if exists "trade_flow" cascade;`);
  }
}
