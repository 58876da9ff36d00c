// Water-resource licences: lookups, the filtered list, licences per project and per source, and the register's
// writes (create, change, revoke: a licence is never deleted).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  checkCommuneOnRecord,
  communeOnRecordOf,
  createRecord,
  currentChangeScope,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  searchKey,
  updateVersioned,
  z,
  type Connection,
  type PageArgs,
} from '@hub/kit';
import { badUserInput, msg, say } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { WaterResourceLicence, WaterSource, statusOn, type WaterLicenceStatus } from '../entities';
import type {
  HolderKind,
  WaterLicenceCreate,
  WaterLicenceFilter,
  WaterLicenceKind,
  WaterLicenceUpdate,
} from '../__generated__/resolvers-types';
import { REFORM_DAY, agencyCodeRule, communeCodeRule, today } from './shared';

const licenceCode = () => field.code(/^GP-TNN-\d{4}$/, 'GP-TNN-0001');
const sourceCode = () => field.code(/^NN-\d{3}$/, 'NN-001');
const idNumber = () => field.code(/^\d{12}$/, '001234567890');
const volume = () => field.number({ min: 0.01, max: 10_000_000 });

const CreateRules = inputRules<WaterLicenceCreate>()({
  code: licenceCode(),
  kind: field.asSent<WaterLicenceKind>(),
  purpose: field.text(300),
  holderKind: field.asSent<HolderKind>(),
  holderOrganisation: field.textOrNull(300).optional(),
  holderPerson: field.textOrNull(200).optional(),
  holderIdNumber: idNumber().nullish(),
  permittedVolumeM3PerDay: volume(),
  issuedOn: field.date(),
  validFrom: field.date().nullish(),
  validTo: field.date().nullish(),
  issuerCode: agencyCodeRule(),
  waterSourceCode: sourceCode().nullish(),
  energyProjectCode: field.code(/^NL-\d{4}$/, 'NL-0001').nullish(),
  communeCode: field.communeCode(),
  communeCodeOnRecord: communeCodeRule().nullish(),
}).superRefine((i, ctx) => {
  const issue = (path: string, en: string, vi: string) => ctx.addIssue({ code: 'custom', path: [path], message: say(msg(en, vi)) });
  if (i.holderKind === 'ORGANISATION') {
    if (!i.holderOrganisation)
      issue('holderOrganisation', 'is required for an ORGANISATION holder', 'là bắt buộc khi chủ giấy phép là tổ chức');
    else if (i.holderPerson)
      issue('holderPerson', 'must be left out for an ORGANISATION holder', 'phải để trống khi chủ giấy phép là tổ chức');
    else if (i.holderIdNumber)
      issue('holderIdNumber', 'must be left out for an ORGANISATION holder', 'phải để trống khi chủ giấy phép là tổ chức');
  } else if (!i.holderPerson) issue('holderPerson', 'is required for a PERSON holder', 'là bắt buộc khi chủ giấy phép là cá nhân');
  else if (i.holderOrganisation)
    issue('holderOrganisation', 'must be left out for a PERSON holder', 'phải để trống khi chủ giấy phép là cá nhân');
  if (i.issuedOn > today()) issue('issuedOn', 'must not be after today', 'không được sau ngày hôm nay');
  const from = i.validFrom ?? i.issuedOn;
  if (i.validFrom && i.validFrom < i.issuedOn) issue('validFrom', 'must not be before issuedOn', 'không được trước ngày cấp (issuedOn)');
  if (i.validTo && i.validTo <= from) issue('validTo', 'must be after validFrom', 'phải sau ngày bắt đầu hiệu lực (validFrom)');
  if (i.issuedOn < REFORM_DAY && !i.communeCodeOnRecord)
    issue(
      'communeCodeOnRecord',
      'is required for a licence issued before 2025-07-01 (the commune of the old district)',
      'là bắt buộc với giấy phép cấp trước ngày 01/07/2025 (mã xã thuộc huyện cũ)',
    );
  checkCommuneOnRecord<typeof i>((v) => v.issuedOn)(i, ctx);
});

const UpdateRules = inputRules<WaterLicenceUpdate>()({
  purpose: field.text(300).optional(),
  holderOrganisation: field.textOrNull(300).optional(),
  holderPerson: field.textOrNull(200).optional(),
  holderIdNumber: idNumber().nullable().optional(),
  permittedVolumeM3PerDay: volume().optional(),
  validTo: field.date().nullable().optional(),
  waterSourceCode: sourceCode().nullable().optional(),
});

const RevokeRules = z.object({ revokedOn: field.date() });

const what = (code: string) => msg(`water-resource licence "${code}"`, `giấy phép tài nguyên nước "${code}"`);

/** The stored status of a licence written today: VALID while its term runs, EXPIRED after `validTo`. */
const storedStatus = (validTo: string | null | undefined): WaterLicenceStatus => (validTo && validTo < today() ? 'EXPIRED' : 'VALID');

const searchOf = (l: Pick<WaterResourceLicence, 'code' | 'holderOrganisation' | 'purpose'>) =>
  searchKey(`${l.code} ${l.holderOrganisation ?? ''} ${l.purpose}`);

export class WaterLicenceService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: WaterLicenceFilter | null | undefined): FilterQuery<WaterResourceLicence> {
    const extra: FilterQuery<WaterResourceLicence>[] = [];
    if (filter?.kind) extra.push({ kind: filter.kind });
    // As `status` answers: a VALID licence whose term has ended counts as EXPIRED.
    const day = today();
    if (filter?.status === 'VALID') extra.push({ status: 'VALID', $or: [{ validTo: null }, { validTo: { $gte: day } }] });
    if (filter?.status === 'EXPIRED') extra.push({ $or: [{ status: 'EXPIRED' }, { status: 'VALID', validTo: { $lt: day } }] });
    if (filter?.status === 'REVOKED') extra.push({ status: 'REVOKED' });
    if (filter?.issuerCode) extra.push({ issuerCode: filter.issuerCode });
    if (filter?.energyProjectCode) extra.push({ energyProjectCode: filter.energyProjectCode });
    return locatedWhere<WaterResourceLicence>(filter, extra);
  }

  byCodes(codes: readonly string[]): Promise<WaterResourceLicence[]> {
    return codes.length ? this.em.find(WaterResourceLicence, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  /** The licences of many energy projects, in one statement. */
  byEnergyProjects(codes: readonly string[]): Promise<WaterResourceLicence[]> {
    return codes.length
      ? this.em.find(WaterResourceLicence, { energyProjectCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } })
      : Promise.resolve([]);
  }

  list(
    filter: WaterLicenceFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<WaterResourceLicence>> {
    return findConnection(this.em, WaterResourceLicence, WaterLicenceService.where(filter), args, 'code', info);
  }

  private async requireSource(code: string | null | undefined, argument: string): Promise<void> {
    if (code && (await this.em.count(WaterSource, { code })) === 0)
      throw badUserInput(argument, msg(`no water source "${code}"`, `không có nguồn nước "${code}"`));
  }

  create(caller: CallerClaims, input: WaterLicenceCreate): Promise<WaterResourceLicence> {
    return createRecord(
      this.em,
      caller,
      {
        entity: WaterResourceLicence,
        coordinate: 'Mutation.createWaterLicence',
        input: { schema: CreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => what(i.code),
      },
      async (i) => {
        await this.requireSource(i.waterSourceCode, 'input.waterSourceCode');
        const validFrom = i.validFrom ?? i.issuedOn;
        const person = i.holderKind === 'PERSON';
        const values = {
          code: i.code,
          kind: i.kind,
          purpose: i.purpose,
          holderKind: i.holderKind,
          holderOrganisation: person ? null : (i.holderOrganisation ?? null),
          holderPerson: person ? (i.holderPerson ?? null) : null,
          holderIdNumber: person ? (i.holderIdNumber ?? null) : null,
          permittedVolumeM3PerDay: i.permittedVolumeM3PerDay,
          issuedOn: i.issuedOn,
          validFrom,
          validTo: i.validTo ?? null,
          issuerCode: i.issuerCode,
          status: storedStatus(i.validTo),
          revokedOn: null,
          revocationReason: null,
          waterSourceCode: i.waterSourceCode ?? null,
          energyProjectCode: i.energyProjectCode ?? null,
          communeCode: i.communeCode,
          communeCodeOnRecord: communeOnRecordOf(i.communeCode, i.issuedOn, i.communeCodeOnRecord)!,
        };
        return this.em.create(WaterResourceLicence, { ...values, searchText: searchOf(values) });
      },
    );
  }

  update(caller: CallerClaims, code: string, input: WaterLicenceUpdate, expectedVersion: number): Promise<WaterResourceLicence> {
    const write = {
      entity: WaterResourceLicence,
      where: { code },
      what: what(code),
      expectedVersion,
      coordinate: 'Mutation.updateWaterLicence',
      input: { schema: UpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, async (l, change) => {
      if (l.status === 'REVOKED')
        throw badUserInput(
          'code',
          msg(`${what(code).en} is revoked: it is kept as it was`, `${what(code).vi} đã bị thu hồi: được giữ nguyên`),
        );
      const person = l.holderKind === 'PERSON';
      if (change.holderOrganisation !== undefined) {
        if (person && change.holderOrganisation)
          throw badUserInput(
            'input.holderOrganisation',
            msg('must be left out for a PERSON holder', 'phải để trống khi chủ giấy phép là cá nhân'),
          );
        if (!person && !change.holderOrganisation)
          throw badUserInput(
            'input.holderOrganisation',
            msg('must not be empty for an ORGANISATION holder', 'không được để trống khi chủ giấy phép là tổ chức'),
          );
        l.holderOrganisation = change.holderOrganisation;
      }
      for (const k of ['holderPerson', 'holderIdNumber'] as const) {
        if (change[k] === undefined) continue;
        if (!person && change[k])
          throw badUserInput(
            `input.${k}`,
            msg('must be left out for an ORGANISATION holder', 'phải để trống khi chủ giấy phép là tổ chức'),
          );
        if (k === 'holderPerson' && person && !change[k])
          throw badUserInput(
            'input.holderPerson',
            msg('must not be empty for a PERSON holder', 'không được để trống khi chủ giấy phép là cá nhân'),
          );
        l[k] = change[k];
      }
      if (change.purpose !== undefined) l.purpose = change.purpose;
      if (change.permittedVolumeM3PerDay !== undefined) l.permittedVolumeM3PerDay = change.permittedVolumeM3PerDay;
      if (change.validTo !== undefined) {
        if (change.validTo && change.validTo <= l.validFrom)
          throw badUserInput(
            'input.validTo',
            msg(`must be after validFrom (${l.validFrom})`, `phải sau ngày bắt đầu hiệu lực (${l.validFrom})`),
          );
        l.validTo = change.validTo;
        l.status = storedStatus(change.validTo);
      }
      if (change.waterSourceCode !== undefined) {
        await this.requireSource(change.waterSourceCode, 'input.waterSourceCode');
        l.waterSourceCode = change.waterSourceCode;
      }
      l.searchText = searchOf(l);
    });
  }

  /** Retires a VALID licence: status REVOKED, the day and the reason (the request's `reason`, required). */
  revoke(caller: CallerClaims, code: string, revokedOn: string, expectedVersion: number): Promise<WaterResourceLicence> {
    const write = {
      entity: WaterResourceLicence,
      where: { code },
      what: what(code),
      expectedVersion,
      coordinate: 'Mutation.revokeWaterLicence',
      input: { schema: RevokeRules, value: { revokedOn }, argument: '' },
      // A licence no longer in force is kept as it is: only a VALID one is revoked (and that needs a reason).
      approved: () => true,
    };
    return updateVersioned(this.em, caller, write, (l, i) => {
      const status = statusOn(l);
      if (status !== 'VALID')
        throw badUserInput(
          'code',
          msg(`${what(code).en} is ${status}, not VALID`, `${what(code).vi} đang ở tình trạng ${status}, không còn hiệu lực`),
        );
      if (i.revokedOn < l.issuedOn)
        throw badUserInput('revokedOn', msg(`must not be before the issue day ${l.issuedOn}`, `không được trước ngày cấp ${l.issuedOn}`));
      if (i.revokedOn > today()) throw badUserInput('revokedOn', msg('must not be after today', 'không được sau ngày hôm nay'));
      l.status = 'REVOKED';
      l.revokedOn = i.revokedOn;
      l.revocationReason = currentChangeScope()?.reason ?? null;
    });
  }
}
