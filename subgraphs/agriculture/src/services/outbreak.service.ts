// Plant-pest and animal-disease outbreaks: lists, the in-unit lists (outbreaks span communes), opening one and
// moving its status forward (ACTIVE → CONTROLLED → ENDED, never back).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, createRecord, field, findConnection, inputRules, MERGED_FROM, type PageArgs, updateVersioned, z } from '@hub/kit';
import { badUserInput, msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { Outbreak, type OutbreakStatus } from '../entities';
import type { OutbreakCategory, OutbreakFilter, OutbreakOpen, OutbreakUpdate } from '../__generated__/resolvers-types';
import { departmentOn } from '../units';
import { REFORM_DAY } from '@hub/schema/fixtures/cao-bang';

export const STATUS_ORDER: readonly OutbreakStatus[] = ['ACTIVE', 'CONTROLLED', 'ENDED'];

const communeList = () => z.array(field.communeCode()).min(1).max(20);
const figures = {
  affectedAreaHa: field.number({ min: 0, max: 100000 }).nullish(),
  affectedHeads: field.wholeNumber({ max: 10_000_000 }).nullish(),
  culledHeads: field.wholeNumber({ max: 10_000_000 }).nullish(),
  householdsAffected: field.wholeNumber({ max: 1_000_000 }).nullish(),
};

const OutbreakOpenRules = inputRules<OutbreakOpen>()({
  code: field.code(/^OD-\d{4}-\d{3}$/, 'OD-2025-101'),
  category: field.asSent<OutbreakCategory>(),
  disease: field.text(200),
  host: field.text(120),
  detectedOn: field.date(),
  communeCodes: communeList(),
  ...figures,
});

const OutbreakUpdateRules = inputRules<OutbreakUpdate>()({ communeCodes: communeList().optional(), ...figures });

/** Areas belong to plant pests, heads to animal diseases. */
function checkFigures(
  category: OutbreakCategory,
  f: { affectedAreaHa?: number | null; affectedHeads?: number | null; culledHeads?: number | null },
) {
  if (category === 'PLANT_PEST' && (f.affectedHeads != null || f.culledHeads != null))
    throw badUserInput(
      f.affectedHeads != null ? 'input.affectedHeads' : 'input.culledHeads',
      msg('is only for an ANIMAL_DISEASE', 'chỉ dùng cho ANIMAL_DISEASE'),
    );
  if (category === 'ANIMAL_DISEASE' && f.affectedAreaHa != null)
    throw badUserInput('input.affectedAreaHa', msg('is only for a PLANT_PEST', 'chỉ dùng cho PLANT_PEST'));
}

/** Communes on `day` of today's communes: before the reform, each one's seat stands for the old commune. */
const onRecord = (communeCodes: string[], day: string) =>
  day < REFORM_DAY ? communeCodes.map((c) => MERGED_FROM.get(c)![0]) : communeCodes;

const AdvanceRules = z.object({ status: field.asSent<OutbreakStatus>(), on: field.date() });

export interface OutbreakInUnitFilter {
  category: OutbreakCategory | null;
  status: OutbreakStatus | null;
}

export class OutbreakService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: (OutbreakFilter | OutbreakInUnitFilter) | null | undefined): FilterQuery<Outbreak> {
    const and: FilterQuery<Outbreak>[] = [];
    if (filter?.category) and.push({ category: filter.category });
    if (filter?.status) and.push({ status: filter.status });
    const codes = (filter as OutbreakFilter | null | undefined)?.communeCodes;
    if (codes) and.push({ communeCodes: { $overlap: [...codes] } });
    return and.length ? { $and: and } : {};
  }

  byCodes(codes: readonly string[]): Promise<Outbreak[]> {
    return codes.length ? this.em.find(Outbreak, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: OutbreakFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<Outbreak>> {
    return findConnection(this.em, Outbreak, OutbreakService.where(filter), args, 'code', info);
  }

  open(caller: CallerClaims, input: OutbreakOpen): Promise<Outbreak> {
    return createRecord(
      this.em,
      caller,
      {
        entity: Outbreak,
        coordinate: 'Mutation.openOutbreak',
        input: { schema: OutbreakOpenRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`outbreak "${i.code}"`, `ổ dịch "${i.code}"`),
      },
      (i) => {
        checkFigures(i.category, i);
        const communeCodes = [...new Set(i.communeCodes)];
        return this.em.create(Outbreak, {
          code: i.code,
          category: i.category,
          disease: i.disease,
          host: i.host,
          detectedOn: i.detectedOn,
          communeCodes,
          communeCodesOnRecord: onRecord(communeCodes, i.detectedOn),
          affectedAreaHa: i.affectedAreaHa ?? null,
          affectedHeads: i.affectedHeads ?? null,
          culledHeads: i.culledHeads ?? null,
          householdsAffected: i.householdsAffected ?? null,
          status: 'ACTIVE',
          controlledOn: null,
          endedOn: null,
          issuerCode: departmentOn(i.detectedOn),
        });
      },
    );
  }

  /** Forward only: the new status must come after the current one, dated no earlier than the last date. */
  advance(caller: CallerClaims, code: string, status: OutbreakStatus, on: string, expectedVersion: number): Promise<Outbreak> {
    const write = {
      entity: Outbreak,
      where: { code },
      what: msg(`outbreak "${code}"`, `ổ dịch "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.advanceOutbreakStatus',
      input: { schema: AdvanceRules, value: { status, on }, argument: '' },
    };
    return updateVersioned(this.em, caller, write, (o, c) => {
      const from = STATUS_ORDER.indexOf(o.status);
      const to = STATUS_ORDER.indexOf(c.status);
      if (to <= from)
        throw badUserInput(
          'status',
          msg(
            `an outbreak moves only forward (ACTIVE → CONTROLLED → ENDED): it is ${o.status}, cannot become ${c.status}`,
            `ổ dịch chỉ chuyển tiếp (ACTIVE → CONTROLLED → ENDED): đang là ${o.status}, không thể chuyển thành ${c.status}`,
          ),
        );
      const last = o.controlledOn ?? o.detectedOn;
      if (c.on < last) throw badUserInput('on', msg(`must not be before ${last}`, `không được trước ngày ${last}`));
      o.status = c.status;
      if (c.status === 'CONTROLLED') o.controlledOn = c.on;
      if (c.status === 'ENDED') {
        o.controlledOn ??= c.on;
        o.endedOn = c.on;
      }
    });
  }

  /** Corrects the figures; the status moves only with `advance`. */
  update(caller: CallerClaims, code: string, input: OutbreakUpdate, expectedVersion: number): Promise<Outbreak> {
    const write = {
      entity: Outbreak,
      where: { code },
      what: msg(`outbreak "${code}"`, `ổ dịch "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateOutbreak',
      input: { schema: OutbreakUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (o, c) => {
      const next = {
        affectedAreaHa: c.affectedAreaHa !== undefined ? c.affectedAreaHa : o.affectedAreaHa,
        affectedHeads: c.affectedHeads !== undefined ? c.affectedHeads : o.affectedHeads,
        culledHeads: c.culledHeads !== undefined ? c.culledHeads : o.culledHeads,
      };
      checkFigures(o.category, next);
      o.affectedAreaHa = next.affectedAreaHa ?? null;
      o.affectedHeads = next.affectedHeads ?? null;
      o.culledHeads = next.culledHeads ?? null;
      if (c.householdsAffected !== undefined) o.householdsAffected = c.householdsAffected ?? null;
      if (c.communeCodes) {
        o.communeCodes = [...new Set(c.communeCodes)];
        o.communeCodesOnRecord = onRecord(o.communeCodes, o.detectedOn);
      }
    });
  }
}
