// Postal service points: lookups, the filtered list, and the register's writes by the owning agency's editors.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { msg, say } from '@hub/schema';
import {
  checkCommuneOnRecord,
  communeOnRecordOf,
  type Connection,
  createRecord,
  deleteVersioned,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  type PageArgs,
  searchKey,
  stableId,
  updateVersioned,
} from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { PostalPoint, type PostalPointKind } from '../entities';
import type { PostalPointCreate, PostalPointFilter, PostalPointUpdate } from '../__generated__/resolvers-types';

/** A Vietnamese phone number: 10 digits starting with 0; null or blank clears it. */
const phoneRule = () =>
  field.textOrNull(20).refine((v) => v === null || /^0\d{9}$/.test(v), {
    error: (iss) =>
      say(
        msg(
          `must be a phone number of 10 digits starting with 0, got ${JSON.stringify(iss.input)}`,
          `phải là số điện thoại 10 chữ số bắt đầu bằng 0, nhận được ${JSON.stringify(iss.input)}`,
        ),
      ),
  });

const PostalPointCreateRules = inputRules<PostalPointCreate>()({
  code: field.code(/^BC-\d{4}$/, 'BC-0001'),
  name: field.text(300),
  kind: field.asSent<PostalPointKind>(),
  operatorName: field.text(200),
  address: field.text(300),
  agentName: field.textOrNull(200).optional(),
  agentPhone: phoneRule().optional(),
  communeCode: field.communeCode(),
  openedOn: field.pastDate().nullish(),
  communeCodeOnRecord: field.code(/^\d{5}$/, '01438').nullish(),
}).superRefine(checkCommuneOnRecord((v) => v.openedOn));

/** Left out keeps a value; null clears the agent's name and phone (name, operator and address cannot be cleared). */
const PostalPointUpdateRules = inputRules<PostalPointUpdate>()({
  name: field.text(300).optional(),
  operatorName: field.text(200).optional(),
  address: field.text(300).optional(),
  agentName: field.textOrNull(200).optional(),
  agentPhone: phoneRule().optional(),
});

const what = (code: string) => msg(`postal service point "${code}"`, `điểm phục vụ bưu chính "${code}"`);
const searchOf = (p: { name: string; address: string }) => searchKey(`${p.name} ${p.address}`);

export class PostalPointService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: PostalPointFilter | null | undefined): FilterQuery<PostalPoint> {
    return locatedWhere<PostalPoint>(filter, filter?.kind ? [{ kind: filter.kind }] : []);
  }

  byCodes(codes: readonly string[]): Promise<PostalPoint[]> {
    return codes.length ? this.em.find(PostalPoint, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: PostalPointFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<PostalPoint>> {
    return findConnection(this.em, PostalPoint, PostalPointService.where(filter), args, 'code', info);
  }

  create(caller: CallerClaims, input: PostalPointCreate): Promise<PostalPoint> {
    const c = {
      entity: PostalPoint,
      coordinate: 'Mutation.createPostalPoint',
      input: { schema: PostalPointCreateRules, value: input },
      unique: (i: { code: string }) => ({ code: i.code }),
      what: (i: { code: string }) => what(i.code),
    };
    return createRecord(this.em, caller, c, (i) =>
      this.em.create(PostalPoint, {
        id: stableId('information-communications.postal', i.code),
        code: i.code,
        name: i.name,
        kind: i.kind,
        operatorName: i.operatorName,
        address: i.address,
        agentName: i.agentName ?? null,
        agentPhone: i.agentPhone ?? null,
        communeCode: i.communeCode,
        openedOn: i.openedOn ?? null,
        communeCodeOnRecord: communeOnRecordOf(i.communeCode, i.openedOn, i.communeCodeOnRecord),
        searchText: searchOf(i),
      }),
    );
  }

  /** Every value is checked before anything is read; the register is published, so `reason` is required. */
  update(caller: CallerClaims, code: string, input: PostalPointUpdate, expectedVersion: number): Promise<PostalPoint> {
    const write = {
      entity: PostalPoint,
      where: { code },
      what: what(code),
      expectedVersion,
      coordinate: 'Mutation.updatePostalPoint',
      input: { schema: PostalPointUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (r, change) => {
      for (const k of ['name', 'operatorName', 'address'] as const) if (change[k] !== undefined) r[k] = change[k];
      for (const k of ['agentName', 'agentPhone'] as const) if (change[k] !== undefined) r[k] = change[k];
      r.searchText = searchOf(r);
    });
  }

  async delete(caller: CallerClaims, code: string, expectedVersion: number): Promise<string> {
    const write = { entity: PostalPoint, where: { code }, what: what(code), expectedVersion, coordinate: 'Mutation.deletePostalPoint' };
    await deleteVersioned(this.em, caller, write);
    return code;
  }
}
