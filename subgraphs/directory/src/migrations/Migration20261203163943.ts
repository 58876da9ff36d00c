import { Migration } from '@mikro-orm/migrations';

export class Migration20261203163943 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "account" add column "editor_of" text[] not null default '{}';`);
    // DATA_EDITOR is now granted per database (hand-written): an editor of before edits every database its agency owns
    // on the province's day of the migration, so nobody loses a write they had; their admins narrow it afterwards.
    this.addSql(
      `update "account" a set "editor_of" = coalesce((
         select array_agg(d."code" order by d."code") from "dataset_ownership" o join "dataset" d on d."id" = o."dataset_id"
          where o."agency_id" = a."agency_id"
            and (o."valid_from" is null or o."valid_from" <= (now() at time zone 'Asia/Ho_Chi_Minh')::date)
            and (o."valid_to" is null or o."valid_to" >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)), '{}')
        where 'DATA_EDITOR' = any(a."roles");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop column "editor_of";`);
  }
}
