// The schema: classification of personal and internal data, and entities that match the migrated tables.
import { schemaDrift } from '@hub/kit/testing';
import { loadSubgraph } from '@hub/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

const DIR = join(__dirname, '../..');
const sdl = parse(readFileSync(join(DIR, 'schema.graphql'), 'utf8'));

const levelOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
  const d = directives?.find((x) => x.name.value === 'classified');
  const arg = d?.arguments?.find((a) => a.name.value === 'level');
  return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
};
const typeOf = (name: string) =>
  sdl.definitions.find((d: DefinitionNode) => 'name' in d && d.name?.value === name) as
    | {
        directives?: readonly ConstDirectiveNode[];
        fields?: readonly { name: { value: string }; directives?: readonly ConstDirectiveNode[] }[];
      }
    | undefined;
/** The level that applies to `Type.field`: the field's own, else its type's. */
function level(coordinate: string): string | undefined {
  const [t, f] = coordinate.split('.');
  const type = typeOf(t)!;
  const field = type.fields!.find((x) => x.name.value === f)!;
  expect(field).toBeDefined();
  return levelOf(field.directives) ?? levelOf(type.directives);
}

it.each([
  ['ForestPlot.holderPerson', 'PERSONAL'],
  ['LivestockFarm.ownerName', 'PERSONAL'],
  ['ForestPlotCreate.holderPerson', 'PERSONAL'],
  ['ForestPlotUpdate.holderPerson', 'PERSONAL'],
  ['Mutation.createForestPlot', 'PERSONAL'],
  ['Mutation.updateForestPlot', 'PERSONAL'],
  ['Outbreak.householdsAffected', 'INTERNAL'],
  ['ForestPlot.history', 'INTERNAL'],
  ['Mutation.recordForestChange', 'INTERNAL'],
  ['Mutation.openOutbreak', 'INTERNAL'],
  ['Mutation.advanceOutbreakStatus', 'INTERNAL'],
  ['Mutation.updateOcopProduct', 'INTERNAL'],
  ['Mutation.deleteForestPlot', 'INTERNAL'],
  ['LivestockFarmCreate.ownerName', 'PERSONAL'],
  ['LivestockFarmUpdate.ownerName', 'PERSONAL'],
  ['Mutation.createLivestockFarm', 'PERSONAL'],
  ['Mutation.updateLivestockFarm', 'PERSONAL'],
  ['Mutation.revokeGrowingAreaCode', 'INTERNAL'],
  ['ForestPlot.holderOrganisation', 'PUBLIC'],
  ['ForestPlot.areaHa', 'PUBLIC'],
  ['EnergyProject.forestConversions', 'PUBLIC'],
  ['OcopProduct.producer', 'PUBLIC'],
  ['GrowingAreaCode.grower', 'PUBLIC'],
])('%s is classified %s', (coordinate, expected) => {
  expect(level(coordinate)).toBe(expected);
});

it('has entities that match the tables its migrations make', async () => {
  expect(await schemaDrift(loadSubgraph(DIR))).toEqual([]);
});
