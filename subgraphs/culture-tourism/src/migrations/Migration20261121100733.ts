import { Migration } from '@mikro-orm/migrations';

export class Migration20261121100733 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "accommodation_establishment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "type" varchar(20) not null, "star_rating" smallint null, "rooms" int not null, "commune_code" varchar(5) not null, "address" varchar(300) null, "licence_number" varchar(60) null, "owner_name" varchar(200) null, "search_text" varchar(300) not null, constraint "accommodation_establishment_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "accommodation_establishment" add constraint "accommodation_establishment_code_unique" unique ("code");`);
    this.addSql(`create index "accommodation_establishment_commune_code_index" on "accommodation_establishment" ("commune_code");`);

    this.addSql(
      `create table "tourist_site" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "name_en" varchar(300) null, "category" varchar(30) not null, "description" text null, "commune_code" varchar(5) not null, "address" varchar(300) null, "latitude" double precision null, "longitude" double precision null, "search_text" varchar(600) not null, constraint "tourist_site_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "tourist_site" add constraint "tourist_site_code_unique" unique ("code");`);
    this.addSql(`create index "tourist_site_commune_code_index" on "tourist_site" ("commune_code");`);
    this.addSql(`create index "tourist_site_category_index" on "tourist_site" ("category");`);

    this.addSql(
      `create table "site_visitor_count" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "site_id" uuid not null, "year" int not null, "domestic" int not null, "international" int not null, constraint "site_visitor_count_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "site_visitor_count" add constraint "site_visitor_count_site_id_year_unique" unique ("site_id", "year");`);

    this.addSql(
      `alter table "site_visitor_count" add constraint "site_visitor_count_site_id_foreign" foreign key ("site_id") references "tourist_site" ("id") on update cascade on delete cascade;`,
    );
  }

  /** Reverts the first migration: its tables go, with their data (`npm run migration:down`). */
  override async down(): Promise<void> {
    this.addSql(`drop table if exists "site_visitor_count" cascade;`);
    this.addSql(`drop table if exists "tourist_site" cascade;`);
    this.addSql(`drop table if exists "accommodation_establishment" cascade;`);
  }
}
