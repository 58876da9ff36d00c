// Sharing agreements (Decree 47/2020): the consumer's agency admin requests; the provider's agency admin
// approves, refuses, suspends or ends. Only an approved agreement within its dates grants anything.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, dateProblem, forbidden, msg, type Localized } from '@hub/schema';
import { findConnection, limitText, TEXT_LIMITS, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { Agency, SharingAgreement, type AgreementStatus } from '../entities';
import type { AgreementDecision, SharingAgreementRequest } from '../__generated__/resolvers-types';
import { today } from './dates';

/** Which decision may follow which status, and whether it needs a reason. */
const TRANSITIONS: Record<AgreementDecision, { from: AgreementStatus[]; to: AgreementStatus; needsReason: boolean }> = {
  APPROVE: { from: ['REQUESTED', 'SUSPENDED'], to: 'APPROVED', needsReason: false },
  REFUSE: { from: ['REQUESTED'], to: 'REFUSED', needsReason: true },
  SUSPEND: { from: ['APPROVED'], to: 'SUSPENDED', needsReason: true },
  END: { from: ['APPROVED', 'SUSPENDED'], to: 'ENDED', needsReason: false },
};

const COORDINATE = /^[A-Z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)?$/;

export interface GrantFact {
  provider: string;
  consumer: string;
  coordinates: string[];
  includesPersonalData: boolean;
}

export class SharingAgreementService {
  constructor(
    private readonly em: EntityManager,
    private readonly caller?: CallerClaims,
  ) {}

  /** `what` the admin does: "requests agreements for it" / "được yêu cầu …" (after "only an agency admin of X"). */
  private admin(agency: string, coordinate: string, what: Localized): void {
    const c = this.caller;
    if (!c || !c.roles.includes('AGENCY_ADMIN') || c.agency !== agency)
      throw forbidden(
        coordinate,
        msg(`only an agency admin of ${agency} ${what.en}`, `chỉ quản trị viên cơ quan ${agency} mới ${what.vi}`),
      );
  }

  /** Agreements the caller's agency is party to (all of them for the system admin and auditors). */
  list(status: AgreementStatus | null | undefined, args: PageArgs): Promise<Connection<SharingAgreement>> {
    const c = this.caller!;
    const all = c.roles.includes('SYSTEM_ADMIN') || c.roles.includes('AUDITOR');
    const and: FilterQuery<SharingAgreement>[] = [];
    if (!all) and.push({ $or: [{ provider: { code: c.agency } }, { consumer: { code: c.agency } }] });
    if (status) and.push({ status });
    return findConnection(this.em, SharingAgreement, and.length ? { $and: and } : {}, args, 'id');
  }

  async request(input: SharingAgreementRequest): Promise<SharingAgreement> {
    const coordinate = 'Mutation.requestSharingAgreement';
    const consumerCode = this.caller?.agency ?? '';
    this.admin(consumerCode, coordinate, msg('requests agreements for it', 'được yêu cầu thỏa thuận chia sẻ dữ liệu cho cơ quan mình'));
    const provider = await this.em.findOne(Agency, { code: input.providerCode });
    if (!provider || provider.validTo)
      throw badUserInput(
        'input.providerCode',
        msg(`no current agency "${input.providerCode}"`, `không có cơ quan "${input.providerCode}" đang hoạt động`),
      );
    if (provider.code === consumerCode)
      throw badUserInput(
        'input.providerCode',
        msg(
          'an agency reads its own data without an agreement',
          'cơ quan đọc dữ liệu của chính mình mà không cần thỏa thuận chia sẻ dữ liệu',
        ),
      );
    if (!input.coordinates.length)
      throw badUserInput('input.coordinates', msg('name at least one Type or Type.field', 'hãy nêu ít nhất một Type hoặc Type.field'));
    const bad = input.coordinates.find((c) => !COORDINATE.test(c));
    if (bad)
      throw badUserInput('input.coordinates', msg(`"${bad}" is not a Type or Type.field`, `"${bad}" không phải một Type hoặc Type.field`));
    for (const [k, v] of [
      ['purpose', input.purpose],
      ['legalBasis', input.legalBasis],
      ['usage', input.usage],
    ] as const) {
      if (!v.trim()) throw badUserInput(`input.${k}`, msg('is required (Decree 47/2020)', 'là bắt buộc (Nghị định 47/2020/NĐ-CP)'));
    }
    for (const k of [
      'purpose',
      'legalBasis',
      'usage',
      'processingAfterReceipt',
      'protectionCommitments',
      'retention',
      'deletion',
    ] as const) {
      limitText(`input.${k}`, input[k], TEXT_LIMITS.text);
    }
    for (const k of ['validFrom', 'validTo'] as const) {
      const p = dateProblem(input[k]);
      if (p) throw badUserInput(`input.${k}`, p);
    }
    if (input.validTo < input.validFrom)
      throw badUserInput('input.validTo', msg('ends before it begins', 'ngày kết thúc trước ngày bắt đầu'));
    const agreement = this.em.create(SharingAgreement, {
      ...input,
      provider,
      consumer: await this.em.findOneOrFail(Agency, { code: consumerCode }),
      coordinates: [...new Set(input.coordinates)],
      status: 'REQUESTED',
      requestedBy: this.caller!.sub,
    });
    await this.em.flush();
    return agreement;
  }

  async decide(id: string, decision: AgreementDecision, reason: string | null | undefined): Promise<SharingAgreement> {
    const coordinate = 'Mutation.decideSharingAgreement';
    const agreement = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.em.findOne(SharingAgreement, { id }, { populate: ['provider', 'consumer'] })
      : null;
    if (!agreement) throw badUserInput('id', msg(`no agreement "${id}"`, `không có thỏa thuận chia sẻ dữ liệu "${id}"`));
    this.admin(
      agreement.provider.code,
      coordinate,
      msg('decides on agreements it provides', 'được quyết định về thỏa thuận chia sẻ dữ liệu mà cơ quan mình cung cấp'),
    );
    const t = TRANSITIONS[decision];
    if (!t.from.includes(agreement.status))
      throw badUserInput(
        'decision',
        msg(
          `cannot ${decision} an agreement that is ${agreement.status}`,
          `không thể ${decision} một thỏa thuận chia sẻ dữ liệu đang ở trạng thái ${agreement.status}`,
        ),
      );
    if (t.needsReason && !reason?.trim())
      throw badUserInput('reason', msg(`say why (${decision} needs a reason)`, `hãy nêu lý do (${decision} cần có lý do)`));
    limitText('reason', reason, TEXT_LIMITS.reason);
    agreement.status = t.to;
    agreement.statusReason = reason?.trim() || null;
    agreement.decidedBy = this.caller!.sub;
    agreement.decidedAt = new Date();
    await this.em.flush();
    return agreement;
  }

  /** Agreements in force today, for the gateway's policy. */
  async inForce(): Promise<GrantFact[]> {
    const day = today();
    const rows = await this.em.find(
      SharingAgreement,
      { status: 'APPROVED', validFrom: { $lte: day }, validTo: { $gte: day } },
      { populate: ['provider', 'consumer'] },
    );
    return rows.map((a) => ({
      provider: a.provider.code,
      consumer: a.consumer.code,
      coordinates: a.coordinates,
      includesPersonalData: a.includesPersonalData,
    }));
  }
}
