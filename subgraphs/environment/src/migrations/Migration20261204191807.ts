import { Migration } from '@mikro-orm/migrations';

export class Migration20261204191807 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "climate_hazard_zone" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(20) not null, "risk_level" varchar(20) not null, "villages" text[] not null, "households_exposed" int null, "assessed_on" date not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "search_text" varchar(300) not null, constraint "climate_hazard_zone_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "climate_hazard_zone" add constraint "climate_hazard_zone_code_unique" unique ("code");`);
    this.addSql(`create index "climate_hazard_zone_commune_code_index" on "climate_hazard_zone" ("commune_code");`);

    this.addSql(
      `create table "monitoring_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(60) not null, "station_code" varchar(20) not null, "measured_on" date not null, "parameter" varchar(20) not null, "value" double precision not null, "unit" varchar(20) not null, "standard" varchar(40) not null, "limit_min" double precision null, "limit_max" double precision null, "exceeds_limit" boolean not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, constraint "monitoring_result_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "monitoring_result" add constraint "monitoring_result_code_unique" unique ("code");`);
    this.addSql(`create index "monitoring_result_station_code_index" on "monitoring_result" ("station_code");`);
    this.addSql(
      `create index "monitoring_result_commune_code_exceeds_limit_index" on "monitoring_result" ("commune_code", "exceeds_limit");`,
    );

    this.addSql(
      `create table "monitoring_station" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(30) not null, "commune_code" varchar(5) not null, "former_commune_code" varchar(5) null, "latitude" double precision null, "longitude" double precision null, "operator_code" varchar(20) not null, "established_on" date null, "search_text" varchar(300) not null, constraint "monitoring_station_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "monitoring_station" add constraint "monitoring_station_code_unique" unique ("code");`);
    this.addSql(`create index "monitoring_station_commune_code_index" on "monitoring_station" ("commune_code");`);

    this.addSql(
      `create table "water_resource_licence" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "kind" varchar(20) not null, "purpose" varchar(300) not null, "holder_kind" varchar(20) not null, "holder_organisation" varchar(300) null, "holder_person" varchar(200) null, "holder_id_number" varchar(12) null, "permitted_volume_m3per_day" double precision not null, "issued_on" date not null, "valid_from" date not null, "valid_to" date null, "issuer_code" varchar(20) not null, "status" varchar(10) not null, "revoked_on" date null, "revocation_reason" varchar(2000) null, "water_source_code" varchar(20) null, "energy_project_code" varchar(20) null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "search_text" varchar(700) not null, constraint "water_resource_licence_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "water_resource_licence" add constraint "water_resource_licence_code_unique" unique ("code");`);
    this.addSql(`create index "water_resource_licence_commune_code_index" on "water_resource_licence" ("commune_code");`);
    this.addSql(`create index "water_resource_licence_energy_project_code_index" on "water_resource_licence" ("energy_project_code");`);
    this.addSql(`create index "water_resource_licence_water_source_code_index" on "water_resource_licence" ("water_source_code");`);

    this.addSql(
      `create table "water_source" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(200) not null, "kind" varchar(20) not null, "basin" varchar(100) not null, "length_km" double precision null, "description" text null, "commune_codes" text[] not null, "search_text" varchar(200) not null, constraint "water_source_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "water_source" add constraint "water_source_code_unique" unique ("code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "climate_hazard_zone" cascade;`);

    this.addSql(`drop table if exists "monitoring_result" cascade;`);

    this.addSql(`drop table if exists "monitoring_station" cascade;`);

    this.addSql(`drop table if exists "water_resource_licence" cascade;`);

    this.addSql(`drop table if exists "water_source" cascade;`);
  }
}
