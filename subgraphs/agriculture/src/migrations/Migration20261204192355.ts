import { Migration } from '@mikro-orm/migrations';

export class Migration20261204192355 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "aquaculture_area" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "species" varchar(120) not null, "method" varchar(20) not null, "water_area_ha" double precision not null, "commune_code" varchar(5) not null, "search_text" varchar(600) not null, constraint "aquaculture_area_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "aquaculture_area" add constraint "aquaculture_area_code_unique" unique ("code");`);
    this.addSql(`create index "aquaculture_area_commune_code_index" on "aquaculture_area" ("commune_code");`);

    this.addSql(
      `create table "forest_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "plot_code" varchar(20) not null, "kind" varchar(20) not null, "cause" varchar(40) not null, "area_ha" double precision not null, "detected_on" date not null, "decided_on" date null, "decision_number" varchar(60) null, "issuer_code" varchar(20) null, "energy_project_code" varchar(20) null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, constraint "forest_change_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "forest_change" add constraint "forest_change_code_unique" unique ("code");`);
    this.addSql(`create index "forest_change_plot_code_index" on "forest_change" ("plot_code");`);
    this.addSql(`create index "forest_change_energy_project_code_index" on "forest_change" ("energy_project_code");`);
    this.addSql(`create index "forest_change_commune_code_index" on "forest_change" ("commune_code");`);

    this.addSql(
      `create table "forest_plot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "sub_compartment" varchar(10) not null, "compartment" varchar(10) not null, "plot" varchar(10) not null, "purpose" varchar(20) not null, "origin" varchar(10) not null, "main_species" varchar(120) not null, "area_ha" double precision not null, "commune_code" varchar(5) not null, "holder_kind" varchar(20) not null, "holder_organisation" varchar(300) null, "holder_person" varchar(300) null, "managed_by_code" varchar(20) null, "search_text" varchar(600) not null, constraint "forest_plot_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "forest_plot" add constraint "forest_plot_code_unique" unique ("code");`);
    this.addSql(`create index "forest_plot_commune_code_index" on "forest_plot" ("commune_code");`);
    this.addSql(`create index "forest_plot_purpose_index" on "forest_plot" ("purpose");`);

    this.addSql(
      `create table "growing_area_code" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "crop" varchar(120) not null, "area_ha" double precision not null, "certification" varchar(20) not null, "grower" varchar(300) not null, "issued_on" date not null, "issuer_code" varchar(20) not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "status" varchar(10) not null, "revoked_on" date null, "search_text" varchar(600) not null, constraint "growing_area_code_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "growing_area_code" add constraint "growing_area_code_code_unique" unique ("code");`);
    this.addSql(`create index "growing_area_code_commune_code_index" on "growing_area_code" ("commune_code");`);

    this.addSql(
      `create table "irrigation_work" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(20) not null, "capacity" double precision null, "irrigated_ha" double precision not null, "commune_code" varchar(5) not null, "managed_by_code" varchar(20) null, "search_text" varchar(600) not null, constraint "irrigation_work_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "irrigation_work" add constraint "irrigation_work_code_unique" unique ("code");`);
    this.addSql(`create index "irrigation_work_commune_code_index" on "irrigation_work" ("commune_code");`);

    this.addSql(
      `create table "livestock_farm" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "scale" varchar(10) not null, "species" varchar(120) not null, "head_count" int not null, "owner_name" varchar(300) null, "commune_code" varchar(5) not null, "search_text" varchar(600) not null, constraint "livestock_farm_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "livestock_farm" add constraint "livestock_farm_code_unique" unique ("code");`);
    this.addSql(`create index "livestock_farm_commune_code_index" on "livestock_farm" ("commune_code");`);

    this.addSql(
      `create table "new_rural_status" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "year" int not null, "level" varchar(20) not null, "criteria_met" int not null, "decision_number" varchar(60) not null, "decided_on" date not null, "issuer_code" varchar(20) not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "status" varchar(10) not null, "revoked_on" date null, constraint "new_rural_status_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "new_rural_status" add constraint "new_rural_status_code_unique" unique ("code");`);
    this.addSql(`create index "new_rural_status_commune_code_index" on "new_rural_status" ("commune_code");`);
    this.addSql(`create index "new_rural_status_year_index" on "new_rural_status" ("year");`);

    this.addSql(
      `create table "ocop_product" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "stars" int not null, "producer" varchar(300) not null, "decision_number" varchar(60) not null, "decided_on" date not null, "valid_until" date not null, "revoked_on" date null, "issuer_code" varchar(20) not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "search_text" varchar(600) not null, constraint "ocop_product_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "ocop_product" add constraint "ocop_product_code_unique" unique ("code");`);
    this.addSql(`create index "ocop_product_commune_code_index" on "ocop_product" ("commune_code");`);

    this.addSql(
      `create table "outbreak" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "category" varchar(20) not null, "disease" varchar(200) not null, "host" varchar(120) not null, "detected_on" date not null, "commune_codes" text[] not null, "commune_codes_on_record" text[] not null, "affected_area_ha" double precision null, "affected_heads" int null, "culled_heads" int null, "households_affected" int null, "status" varchar(20) not null, "controlled_on" date null, "ended_on" date null, "issuer_code" varchar(20) not null, constraint "outbreak_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "outbreak" add constraint "outbreak_code_unique" unique ("code");`);
    this.addSql(`create index "outbreak_status_index" on "outbreak" ("status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aquaculture_area" cascade;`);

    this.addSql(`drop table if exists "forest_change" cascade;`);

    this.addSql(`drop table if exists "forest_plot" cascade;`);

    this.addSql(`drop table if exists "growing_area_code" cascade;`);

    this.addSql(`drop table if exists "irrigation_work" cascade;`);

    this.addSql(`drop table if exists "livestock_farm" cascade;`);

    this.addSql(`drop table if exists "new_rural_status" cascade;`);

    this.addSql(`drop table if exists "ocop_product" cascade;`);

    this.addSql(`drop table if exists "outbreak" cascade;`);
  }
}
