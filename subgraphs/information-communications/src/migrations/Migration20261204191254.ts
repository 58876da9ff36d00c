import { Migration } from '@mikro-orm/migrations';

export class Migration20261204191254 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "postal_point" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(30) not null, "operator_name" varchar(200) not null, "address" varchar(300) not null, "agent_name" varchar(200) null, "agent_phone" varchar(20) null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) null, "opened_on" date null, "search_text" varchar(600) not null, constraint "postal_point_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "postal_point" add constraint "postal_point_code_unique" unique ("code");`);
    this.addSql(`create index "postal_point_commune_code_index" on "postal_point" ("commune_code");`);
    this.addSql(`create index "postal_point_kind_index" on "postal_point" ("kind");`);

    this.addSql(
      `create table "press_agency" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "kind" varchar(20) not null, "licence_number" varchar(60) not null, "licensed_on" date not null, "issuer_code" varchar(20) null, "licensed_by_name" varchar(300) null, "governing_agency_code" varchar(20) null, "governing_body_name" varchar(300) not null, "status" varchar(20) not null, "ended_on" date null, "successor_code" varchar(20) null, "website" varchar(200) null, "search_text" varchar(300) not null, constraint "press_agency_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "press_agency" add constraint "press_agency_code_unique" unique ("code");`);

    this.addSql(
      `create table "publishing_licence" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" varchar(40) not null, "kind" varchar(20) not null, "holder_name" varchar(300) not null, "subject" varchar(300) not null, "issued_on" date not null, "issuer_code" varchar(20) not null, "valid_until" date null, "status" varchar(20) not null, "revoked_on" date null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "search_text" varchar(600) not null, constraint "publishing_licence_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "publishing_licence" add constraint "publishing_licence_number_unique" unique ("number");`);
    this.addSql(`create index "publishing_licence_commune_code_index" on "publishing_licence" ("commune_code");`);
    this.addSql(`create index "publishing_licence_status_index" on "publishing_licence" ("status");`);

    this.addSql(
      `create table "telecom_station" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(200) not null, "operator" varchar(20) not null, "technologies" text[] not null, "shared" boolean not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) null, "latitude" double precision not null, "longitude" double precision not null, "permitted_on" date null, "status" varchar(20) not null, "decommissioned_on" date null, "search_text" varchar(300) not null, constraint "telecom_station_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "telecom_station" add constraint "telecom_station_code_unique" unique ("code");`);
    this.addSql(`create index "telecom_station_commune_code_index" on "telecom_station" ("commune_code");`);
    this.addSql(`create index "telecom_station_operator_index" on "telecom_station" ("operator");`);

    this.addSql(
      `create table "village_without_coverage" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "village_name" varchar(200) not null, "commune_code" varchar(5) not null, "commune_code_on_record" varchar(5) not null, "surveyed_on" date not null, "households" int not null, "planned_operator" varchar(20) null, "planned_year" smallint null, "search_text" varchar(300) not null, constraint "village_without_coverage_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "village_without_coverage" add constraint "village_without_coverage_code_unique" unique ("code");`);
    this.addSql(`create index "village_without_coverage_commune_code_index" on "village_without_coverage" ("commune_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "postal_point" cascade;`);

    this.addSql(`drop table if exists "press_agency" cascade;`);

    this.addSql(`drop table if exists "publishing_licence" cascade;`);

    this.addSql(`drop table if exists "telecom_station" cascade;`);

    this.addSql(`drop table if exists "village_without_coverage" cascade;`);
  }
}
