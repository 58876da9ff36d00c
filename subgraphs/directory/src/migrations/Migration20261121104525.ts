import { Migration } from '@mikro-orm/migrations';

export class Migration20261121104525 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sharing_agreement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "provider_id" uuid not null, "consumer_id" uuid not null, "coordinates" text[] not null, "includes_personal_data" boolean not null, "purpose" text not null, "legal_basis" varchar(200) not null, "usage" text not null, "valid_from" date not null, "valid_to" date not null, "processing_after_receipt" text null, "protection_commitments" text null, "retention" text null, "deletion" text null, "status" varchar(10) not null default 'REQUESTED', "status_reason" text null, "requested_by" uuid not null, "decided_by" uuid null, "decided_at" timestamptz null, constraint "sharing_agreement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sharing_agreement_provider_id_index" on "sharing_agreement" ("provider_id");`);
    this.addSql(`create index "sharing_agreement_consumer_id_index" on "sharing_agreement" ("consumer_id");`);
    this.addSql(`create index "sharing_agreement_status_index" on "sharing_agreement" ("status");`);

    this.addSql(
      `alter table "sharing_agreement" add constraint "sharing_agreement_provider_id_foreign" foreign key ("provider_id") references "agency" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "sharing_agreement" add constraint "sharing_agreement_consumer_id_foreign" foreign key ("consumer_id") references "agency" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sharing_agreement" cascade;`);
  }
}
