// The entities describe exactly the tables the migrations make; the classification the personal-data law asks for.
import { schemaDrift } from '@hub/kit/testing';
import { loadSubgraph } from '@hub/kit';
import { classificationMap } from '@hub/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

const DIR = join(__dirname, '../..');

it('has entities that match the tables its migrations make', async () => {
  expect(await schemaDrift(loadSubgraph(DIR))).toEqual([]);
});

it('classifies personal data PERSONAL, business figures RESTRICTED, registers PUBLIC, writes INTERNAL or PERSONAL', () => {
  const levels = classificationMap(parse(readFileSync(join(DIR, 'schema.graphql'), 'utf8')));
  const expected: Record<string, string> = {
    'IndustrialEstablishment.representativeName': 'PERSONAL',
    'IndustrialEstablishment.representativePhone': 'PERSONAL',
    'IndustrialEstablishment.annualOutputBillionVnd': 'RESTRICTED',
    'IndustrialEstablishment.revenueBillionVnd': 'RESTRICTED',
    'IndustrialEstablishment.employees': 'INTERNAL',
    'IndustrialEstablishment.taxCode': 'PUBLIC',
    'EnergyProject.investmentBillionVnd': 'RESTRICTED',
    'EnergyProject.capacityMw': 'PUBLIC',
    'TradeFlow.valueUsd': 'INTERNAL',
    'FuelStation.tankCapacityM3': 'INTERNAL',
    'FuelStation.licenceNumber': 'PUBLIC',
    'Market.name': 'PUBLIC',
    'Market.history': 'INTERNAL',
    'Mutation.createMarket': 'INTERNAL',
    'Mutation.updateEnergyProject': 'INTERNAL',
    'Mutation.retireEnergyProject': 'INTERNAL',
    'Mutation.updateIndustrialEstablishment': 'PERSONAL',
  };
  for (const [coordinate, level] of Object.entries(expected)) expect([coordinate, levels.get(coordinate)]).toEqual([coordinate, level]);
});
