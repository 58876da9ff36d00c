// The classification the personal-data law asks for, read from the SDL; and entities that match the migrated tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode, type InputObjectTypeDefinitionNode } from 'graphql';
import { loadSubgraph } from '@hub/kit';
import { schemaDrift } from '@hub/kit/testing';

const DIR = join(__dirname, '../..');
const doc = parse(readFileSync(join(DIR, 'schema.graphql'), 'utf8'));
const levelOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
  const d = directives?.find((x) => x.name.value === 'classified');
  const arg = d?.arguments?.find((a) => a.name.value === 'level');
  return arg && arg.value.kind === Kind.ENUM ? arg.value.value : undefined;
};
/** The level that applies to `Type.field`: the field's own, else its type's. */
function level(coordinate: string): string | undefined {
  const [typeName, fieldName] = coordinate.split('.');
  const t = doc.definitions.find(
    (d): d is ObjectTypeDefinitionNode | InputObjectTypeDefinitionNode =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) && d.name.value === typeName,
  );
  const f = (t?.fields as readonly { name: { value: string }; directives?: readonly ConstDirectiveNode[] }[] | undefined)?.find(
    (x) => x.name.value === fieldName,
  );
  if (!f) throw new Error(`${coordinate} is not in the SDL`);
  return levelOf(f.directives) ?? (t!.kind === Kind.OBJECT_TYPE_DEFINITION ? levelOf(t!.directives) : undefined);
}

it.each([
  ['WaterResourceLicence.holderPerson', 'PERSONAL'],
  ['WaterResourceLicence.holderIdNumber', 'PERSONAL'],
  ['WaterLicenceCreate.holderPerson', 'PERSONAL'],
  ['WaterLicenceCreate.holderIdNumber', 'PERSONAL'],
  ['WaterLicenceUpdate.holderPerson', 'PERSONAL'],
  ['WaterLicenceUpdate.holderIdNumber', 'PERSONAL'],
  ['Mutation.createWaterLicence', 'PERSONAL'],
  ['Mutation.updateWaterLicence', 'PERSONAL'],
  ['MonitoringStation.location', 'RESTRICTED'],
  ['ClimateHazardZone.householdsExposed', 'INTERNAL'],
  ['WaterResourceLicence.history', 'INTERNAL'],
  ['Mutation.revokeWaterLicence', 'INTERNAL'],
  ['Mutation.addMonitoringResult', 'INTERNAL'],
  ['WaterResourceLicence.holderOrganisation', 'PUBLIC'],
  ['WaterResourceLicence.permittedVolumeM3PerDay', 'PUBLIC'],
  ['EnergyProject.waterLicences', 'PUBLIC'],
  ['MonitoringResult.exceedsLimit', 'PUBLIC'],
])('%s is %s', (coordinate, expected) => {
  expect(level(coordinate)).toBe(expected);
});

it('has entities that match the tables its migrations make', async () => {
  expect(await schemaDrift(loadSubgraph(DIR))).toEqual([]);
});
