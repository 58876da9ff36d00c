import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type PostalPointKind = 'POST_OFFICE' | 'COMMUNE_CULTURAL_POST' | 'AGENT';

/** Điểm phục vụ bưu chính: a post office, a commune cultural post point or a postal agent. */
export const PostalPoint = defineEntity({
  name: 'PostalPoint',
  tableName: 'postal_point',
  indexes: [{ properties: ['communeCode'] }, { properties: ['kind'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<PostalPointKind>().length(30),
    operatorName: p.string().length(200),
    /** The establishment's address (not a person's). */
    address: p.string().length(300),
    /** An agent's own name and phone: personal data. */
    agentName: p.string().length(200).nullable(),
    agentPhone: p.string().length(20).nullable(),
    /** Code of today's commune-level unit (the directory's). */
    communeCode: p.string().length(5),
    /** The commune as it was on `openedOn`. */
    communeCodeOnRecord: p.string().length(5).nullable(),
    openedOn: p.date().nullable(),
    searchText: p.string().length(600),
  },
});
export type PostalPoint = InferEntity<typeof PostalPoint>;

/** The postal network register is published: any change after creation needs a reason. */
export const PostalPointHistory = tracked(PostalPoint, {
  fields: {
    communeCode: 'PostalPoint.commune',
    communeCodeOnRecord: 'PostalPoint.communeOnRecord',
    searchText: 'ignore',
  },
  approved: () => true,
});
