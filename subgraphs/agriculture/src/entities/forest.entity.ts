import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type ForestPurpose = 'SPECIAL_USE' | 'PROTECTION' | 'PRODUCTION';
export type ForestOrigin = 'NATURAL' | 'PLANTED';
export type ForestHolderKind = 'STATE_ORGANISATION' | 'COMMUNITY' | 'HOUSEHOLD' | 'ENTERPRISE';
export type ForestChangeKind = 'LOSS' | 'GAIN' | 'CONVERSION';
export type ForestChangeCause =
  'FIRE' | 'ILLEGAL_LOGGING' | 'CONVERSION_TO_INFRASTRUCTURE' | 'HARVEST' | 'PLANTING' | 'NATURAL_REGENERATION' | 'NATURAL_DISASTER';

/** Lô rừng of the forest inventory: tiểu khu / khoảnh / lô. */
export const ForestPlot = defineEntity({
  name: 'ForestPlot',
  tableName: 'forest_plot',
  indexes: [{ properties: ['communeCode'] }, { properties: ['purpose'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    subCompartment: p.string().length(10),
    compartment: p.string().length(10),
    plot: p.string().length(10),
    purpose: p.string().$type<ForestPurpose>().length(20),
    origin: p.string().$type<ForestOrigin>().length(10),
    mainSpecies: p.string().length(120),
    areaHa: p.double().$type<number>(),
    /** Code of today's commune-level unit. */
    communeCode: p.string().length(5),
    holderKind: p.string().$type<ForestHolderKind>().length(20),
    holderOrganisation: p.string().length(300).nullable(),
    holderPerson: p.string().length(300).nullable(),
    managedByCode: p.string().length(20).nullable(),
    searchText: p.string().length(600),
  },
});
export type ForestPlot = InferEntity<typeof ForestPlot>;

/** The inventory is official data: a change or a removal needs a reason. */
export const ForestPlotHistory = tracked(ForestPlot, {
  fields: { communeCode: 'ForestPlot.commune', managedByCode: 'ForestPlot.managedBy', searchText: 'ignore' },
  approved: () => true,
});

/** Biến động rừng: a change of one plot. */
export const ForestChange = defineEntity({
  name: 'ForestChange',
  tableName: 'forest_change',
  indexes: [{ properties: ['plotCode'] }, { properties: ['energyProjectCode'] }, { properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    plotCode: p.string().length(20),
    kind: p.string().$type<ForestChangeKind>().length(20),
    cause: p.string().$type<ForestChangeCause>().length(40),
    areaHa: p.double().$type<number>(),
    detectedOn: p.date(),
    decidedOn: p.date().nullable(),
    decisionNumber: p.string().length(60).nullable(),
    issuerCode: p.string().length(20).nullable(),
    energyProjectCode: p.string().length(20).nullable(),
    /** Today's commune (the plot's). */
    communeCode: p.string().length(5),
    /** The commune as it was on `detectedOn`. */
    communeCodeOnRecord: p.string().length(5),
  },
});
export type ForestChange = InferEntity<typeof ForestChange>;

/** A recorded change is official data once recorded. */
export const ForestChangeHistory = tracked(ForestChange, {
  fields: {
    plotCode: 'ForestChange.plot',
    issuerCode: 'ForestChange.issuer',
    communeCode: 'ForestChange.commune',
    communeCodeOnRecord: 'ForestChange.communeOnRecord',
  },
  approved: () => true,
});
