// The catalogue of sector databases and who owned each one when.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden, msg } from '@hub/schema';
import { findConnection, limitText, TEXT_LIMITS, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { Agency, Dataset, DatasetOwnership } from '../entities';
import { validOn } from './dates';

export class DatasetService {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<Dataset[]> {
    return codes.length ? this.em.find(Dataset, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(args: PageArgs): Promise<Connection<Dataset>> {
    return findConnection(this.em, Dataset, {}, args, 'code');
  }

  /** Ownership periods of many datasets, oldest first. */
  ownershipsOf(datasetIds: readonly string[]): Promise<DatasetOwnership[]> {
    return this.em.find(DatasetOwnership, { dataset: { $in: [...datasetIds] } }, { orderBy: { validFrom: 'asc nulls first' } as never });
  }

  /** Ownership periods held by many agencies. */
  ownershipsHeldBy(agencyIds: readonly string[]): Promise<DatasetOwnership[]> {
    return this.em.find(DatasetOwnership, { agency: { $in: [...agencyIds] } }, { populate: ['dataset'] });
  }

  /** A new owner from `validFrom`; the ownership in force then ends the day before. All or nothing. */
  async recordOwnership(caller: CallerClaims, datasetCode: string, agencyCode: string, validFrom: string, basis: string): Promise<Dataset> {
    if (!caller.roles.includes('SYSTEM_ADMIN'))
      throw forbidden(
        'Mutation.recordDatasetOwnership',
        msg('only the system admin records ownership', 'chỉ quản trị viên hệ thống mới được ghi nhận quyền sở hữu'),
      );
    const dataset = await this.em.findOne(Dataset, { code: datasetCode });
    if (!dataset) throw badUserInput('datasetCode', msg(`no dataset "${datasetCode}"`, `không có tập dữ liệu "${datasetCode}"`));
    const agency = await this.em.findOne(Agency, { code: agencyCode });
    if (!agency) throw badUserInput('agencyCode', msg(`no agency "${agencyCode}"`, `không có cơ quan "${agencyCode}"`));
    // An agency that has ended (merged, dissolved) owns nothing after its last day, nor before it was established.
    if (agency.validTo && agency.validTo < validFrom)
      throw badUserInput(
        'agencyCode',
        msg(
          `${agencyCode} ended on ${agency.validTo}: it cannot own data from ${validFrom} (name its successor)`,
          `${agencyCode} đã chấm dứt hoạt động từ ngày ${agency.validTo}: không thể sở hữu dữ liệu từ ngày ${validFrom} (hãy nêu cơ quan kế thừa)`,
        ),
      );
    if (agency.validFrom && agency.validFrom > validFrom)
      throw badUserInput(
        'validFrom',
        msg(
          `${agencyCode} was established on ${agency.validFrom}, after ${validFrom}`,
          `${agencyCode} được thành lập ngày ${agency.validFrom}, sau ngày ${validFrom}`,
        ),
      );
    if (!basis.trim())
      throw badUserInput('basis', msg('name the decision that transfers ownership', 'hãy nêu quyết định chuyển giao quyền sở hữu'));
    limitText('basis', basis, TEXT_LIMITS.reason);
    const periods = await this.ownershipsOf([dataset.id]);
    const current = DatasetService.ownerOn(periods, validFrom);
    if (current && current.agency.id === agency.id)
      throw badUserInput(
        'agencyCode',
        msg(
          `${agencyCode} already owns ${datasetCode} on ${validFrom}`,
          `${agencyCode} đã là cơ quan sở hữu ${datasetCode} vào ngày ${validFrom}`,
        ),
      );
    if (periods.some((p) => p.validFrom && p.validFrom >= validFrom))
      throw badUserInput(
        'validFrom',
        msg('an ownership already starts on or after this day', 'đã có một quyền sở hữu bắt đầu từ ngày này hoặc sau ngày này'),
      );
    if (current) {
      const d = new Date(`${validFrom}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      current.validTo = d.toISOString().slice(0, 10);
    }
    this.em.create(DatasetOwnership, { dataset, agency, validFrom, validTo: null, basis: basis.trim() });
    await this.em.flush();
    return dataset;
  }

  static ownerOn(ownerships: DatasetOwnership[], day: string): DatasetOwnership | undefined {
    return ownerships.find((o) => validOn(o, day));
  }
}
