import { Migration } from '@mikro-orm/migrations';

export class Migration20261121104531 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "accommodation_establishment" add column "annual_revenue" double precision null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "accommodation_establishment" drop column "annual_revenue";`);
  }
}
