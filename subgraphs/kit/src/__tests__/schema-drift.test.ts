// The check every subgraph runs on its entities: a freshly migrated database and the entities' metadata agree, and
// when they do not, the difference is named.
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { hubEntityProperties } from '../entity';
import { defineSubgraph } from '../subgraph';
import { schemaDrift } from '../testing';

class CreatePlace extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "place" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(10) not null, "name" varchar(100) null, constraint "place_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "place" add constraint "place_code_unique" unique ("code");`);
  }
}

const placeWith = <N extends object>(name: N) =>
  defineSubgraph({
    name: 'places',
    dataset: 'TEST-PLACES',
    typeDefs: 'type Query { ok: Boolean @classified(level: PUBLIC) }',
    resolvers: {},
    loaders: {},
    migrations: [{ name: 'Migration20260101000000', class: CreatePlace }],
    entities: [
      defineEntity({
        name: 'Place',
        tableName: 'place',
        properties: { ...hubEntityProperties, code: p.string().length(10).unique(), name },
      }),
    ],
  });

describe('schemaDrift', () => {
  it("finds nothing when the entities describe the migrated tables (the kit's hub_change included)", async () => {
    expect(await schemaDrift(placeWith(p.string().length(100).nullable()))).toEqual([]);
  });

  it('names what differs: a column the entity declares otherwise than the migration made it', async () => {
    expect(await schemaDrift(placeWith(p.string().length(200)))).toEqual([
      'alter table "place" alter column "name" type varchar(200) using ("name"::varchar(200));',
      'alter table "place" alter column "name" set not null;',
    ]);
  });
});
