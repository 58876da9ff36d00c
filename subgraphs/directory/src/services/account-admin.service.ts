// Account administration: who may create, disable, re-enable and grant roles to which accounts. The caller is
// the account the gateway's context token names; the rules follow Cao Bằng Art. 6 and Quảng Ngãi Art. 4–5.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden, msg } from '@hub/schema';
import { findConnection, limitText, TEXT_LIMITS, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { Account, Agency, Dataset, DatasetOwnership, type Role } from '../entities';
import { today } from './dates';
import type { CreateAccountInput } from '../__generated__/resolvers-types';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { isUuid } from './account.service';

/**
 * The account view of a caller signed in through the external identity provider (`sub` = `oidc:<subject>`): built
 * from the claims the gateway vouches for, marked EXTERNAL; the directory stores nothing of it.
 */
export interface ExternalAccount {
  id: string;
  source: 'EXTERNAL';
  username: string;
  displayName: string;
  agency: { code: string };
  roles: string[];
  editorOf: string[];
  status: 'ACTIVE';
  statusReason: null;
  lastLoginAt: null;
}

/** Roles an agency admin may not grant: only the operator holds these. */
const RESERVED: Role[] = ['SYSTEM_ADMIN', 'AUDITOR'];
const USERNAME = /^[a-z0-9][a-z0-9.-]{2,79}$/;
/** Databases one editor may be granted at most. */
const MAX_EDITED = 50;

export class AccountAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly caller: CallerClaims,
  ) {}

  private get isSystemAdmin() {
    return this.caller.roles.includes('SYSTEM_ADMIN');
  }

  /** The caller may manage accounts of `agency`: the system admin everywhere, an agency admin at home. */
  private mayManage(agency: string, coordinate: string): void {
    if (this.isSystemAdmin) return;
    if (!this.caller.roles.includes('AGENCY_ADMIN'))
      throw forbidden(
        coordinate,
        msg(
          'only the system admin and agency admins manage accounts',
          'chỉ quản trị viên hệ thống và quản trị viên cơ quan mới được quản lý tài khoản',
        ),
      );
    if (agency !== this.caller.agency)
      throw forbidden(
        coordinate,
        msg(
          `an agency admin manages the accounts of their own agency (${this.caller.agency}) only`,
          `quản trị viên cơ quan chỉ được quản lý tài khoản của cơ quan mình (${this.caller.agency})`,
        ),
      );
  }

  private mayGrant(roles: Role[], coordinate: string, argument: string): void {
    if (roles.length === 0) throw badUserInput(argument, msg('give at least one role', 'hãy cấp ít nhất một vai trò'));
    const reserved = roles.filter((r) => RESERVED.includes(r));
    if (reserved.length && !this.isSystemAdmin)
      throw forbidden(
        coordinate,
        msg(`only the system admin grants ${reserved.join(', ')}`, `chỉ quản trị viên hệ thống mới được cấp ${reserved.join(', ')}`),
      );
  }

  /**
   * The databases an editor of `agency` may be granted: each in the catalogue and owned by that agency today or from
   * a recorded later date (so a merger's editors can be named before its day). Returns the codes without repeats.
   */
  private async editableBy(agency: Agency, codes: readonly string[], argument: string): Promise<string[]> {
    const wanted = [...new Set(codes.map((c) => c.trim()))];
    if (wanted.length > MAX_EDITED)
      throw badUserInput(
        argument,
        msg(`at most ${MAX_EDITED} databases, got ${wanted.length}`, `tối đa ${MAX_EDITED} cơ sở dữ liệu, nhận được ${wanted.length}`),
      );
    if (!wanted.length) return [];
    const found = new Map((await this.em.find(Dataset, { code: { $in: wanted } })).map((d) => [d.code, d]));
    const day = today();
    const owned = await this.em.find(
      DatasetOwnership,
      {
        dataset: { code: { $in: wanted } },
        agency,
        $or: [{ validTo: null }, { validTo: { $gte: day } }],
      },
      { populate: ['dataset'] },
    );
    const ownedCodes = new Set(owned.map((o) => o.dataset.code));
    for (const code of wanted) {
      const at = `${argument}[${codes.findIndex((c) => c.trim() === code)}]`;
      if (!found.has(code))
        throw badUserInput(
          at,
          msg(`no database "${code.slice(0, 40)}" in the catalogue`, `không có cơ sở dữ liệu "${code.slice(0, 40)}" trong danh mục`),
        );
      if (!ownedCodes.has(code))
        throw badUserInput(
          at,
          msg(
            `${agency.code} does not own ${code} (today or from a recorded date): only the owner's accounts edit it`,
            `${agency.code} không sở hữu ${code} (hiện nay hoặc từ một ngày đã ghi nhận): chỉ tài khoản của cơ quan sở hữu mới được biên tập`,
          ),
        );
    }
    return wanted;
  }

  private async target(username: string, coordinate: string): Promise<Account> {
    const account = await this.em.findOne(Account, { username: username.trim().toLowerCase() }, { populate: ['agency'] });
    if (!account) throw badUserInput('username', msg(`no account "${username}"`, `không có tài khoản "${username}"`));
    this.mayManage(account.agency.code, coordinate);
    return account;
  }

  /** The caller's own account: the directory's, or a view of an external one; null for PUBLIC. */
  async me(): Promise<Account | ExternalAccount | null> {
    const sub = this.caller.sub;
    if (isUuid(sub)) return this.em.findOne(Account, { id: sub }, { populate: ['agency'] });
    if (!sub.startsWith('oidc:') || !this.caller.agency) return null;
    const subject = sub.slice('oidc:'.length);
    return {
      id: sub,
      source: 'EXTERNAL',
      username: subject,
      displayName: subject,
      agency: { code: this.caller.agency },
      roles: [...this.caller.roles],
      editorOf: [...(this.caller.editorOf ?? [])],
      status: 'ACTIVE',
      statusReason: null,
      lastLoginAt: null,
    };
  }

  /**
   * Whether the caller may read this account (reached by reference: a change's author, an audit event's caller):
   * the same rule as \`Query.accounts\` (the system admin and auditors every account, an agency admin their own
   * agency's), and anyone their own account.
   */
  mayRead(account: Account): boolean {
    const c = this.caller;
    if (account.id === c.sub || this.isSystemAdmin || c.roles.includes('AUDITOR')) return true;
    return c.roles.includes('AGENCY_ADMIN') && account.agency.code === c.agency;
  }

  list(agencyCode: string | null | undefined, args: PageArgs): Promise<Connection<Account>> {
    const agency = agencyCode ?? (this.isSystemAdmin ? undefined : this.caller.agency);
    if (!this.isSystemAdmin && !this.caller.roles.includes('AUDITOR')) this.mayManage(agency ?? '', 'Query.accounts');
    return findConnection(this.em, Account, agency ? { agency: { code: agency } } : {}, args, 'username');
  }

  async create(input: CreateAccountInput): Promise<Account> {
    const coordinate = 'Mutation.createAccount';
    const username = input.username.trim().toLowerCase();
    this.mayManage(input.agencyCode, coordinate);
    this.mayGrant(input.roles, coordinate, 'input.roles');
    if (!USERNAME.test(username))
      throw badUserInput(
        'input.username',
        msg(
          'use 3–80 lower-case letters, digits, dots or hyphens',
          'hãy dùng 3–80 ký tự gồm chữ thường, chữ số, dấu chấm hoặc dấu gạch ngang',
        ),
      );
    if (!input.displayName.trim()) throw badUserInput('input.displayName', msg('must not be empty', 'không được để trống'));
    limitText('input.displayName', input.displayName, TEXT_LIMITS.name);
    const problem = passwordProblem(input.password);
    if (problem) throw badUserInput('input.password', problem);
    const agency = await this.em.findOne(Agency, { code: input.agencyCode });
    if (!agency) throw badUserInput('input.agencyCode', msg(`no agency "${input.agencyCode}"`, `không có cơ quan "${input.agencyCode}"`));
    if (agency.validTo)
      throw badUserInput(
        'input.agencyCode',
        msg(`${agency.code} ended on ${agency.validTo}`, `${agency.code} đã chấm dứt hoạt động từ ngày ${agency.validTo}`),
      );
    if (await this.em.count(Account, { username }))
      throw badUserInput('input.username', msg(`"${username}" is taken`, `tên đăng nhập "${username}" đã được sử dụng`));
    const editor = input.roles.includes('DATA_EDITOR');
    if (editor && !input.editorOf?.length)
      throw badUserInput(
        'input.editorOf',
        msg(
          'a DATA_EDITOR edits named databases: list their codes (e.g. ["CSDL-TNMT"])',
          'biên tập viên dữ liệu (DATA_EDITOR) biên tập các cơ sở dữ liệu được nêu tên: hãy liệt kê mã của chúng (ví dụ ["CSDL-TNMT"])',
        ),
      );
    if (!editor && input.editorOf?.length)
      throw badUserInput(
        'input.editorOf',
        msg(
          'only a DATA_EDITOR edits databases: add the role or leave this out',
          'chỉ DATA_EDITOR mới biên tập cơ sở dữ liệu: hãy thêm vai trò hoặc bỏ trường này',
        ),
      );
    const editorOf = await this.editableBy(agency, input.editorOf ?? [], 'input.editorOf');
    const account = this.em.create(Account, {
      username,
      displayName: input.displayName.trim(),
      agency,
      roles: [...new Set(input.roles)],
      editorOf,
      status: 'ACTIVE',
      passwordHash: await hashPassword(input.password),
    });
    await this.em.flush();
    return account;
  }

  async setStatus(username: string, status: 'ACTIVE' | 'DISABLED', reason: string | null): Promise<Account> {
    const coordinate = status === 'ACTIVE' ? 'Mutation.enableAccount' : 'Mutation.disableAccount';
    const account = await this.target(username, coordinate);
    if (status === 'DISABLED' && !reason?.trim())
      throw badUserInput('reason', msg('say why the account is disabled', 'hãy nêu lý do khóa tài khoản'));
    limitText('reason', reason, TEXT_LIMITS.reason);
    account.status = status;
    account.statusReason = status === 'DISABLED' ? reason!.trim() : null;
    await this.em.flush();
    return account;
  }

  async setRoles(username: string, roles: Role[]): Promise<Account> {
    const coordinate = 'Mutation.setRoles';
    const account = await this.target(username, coordinate);
    this.mayGrant(roles, coordinate, 'roles');
    if (roles.includes('DATA_EDITOR') && !account.roles.includes('DATA_EDITOR'))
      throw badUserInput(
        'roles',
        msg(
          'DATA_EDITOR is granted per database: name them with setEditorDatasets',
          'DATA_EDITOR được cấp theo từng cơ sở dữ liệu: hãy nêu tên chúng bằng setEditorDatasets',
        ),
      );
    account.roles = [...new Set(roles)];
    if (!roles.includes('DATA_EDITOR')) account.editorOf = [];
    await this.em.flush();
    return account;
  }

  async setEditorDatasets(username: string, codes: string[]): Promise<Account> {
    const account = await this.target(username, 'Mutation.setEditorDatasets');
    const editorOf = await this.editableBy(account.agency, codes, 'datasetCodes');
    if (!editorOf.length && account.roles.length === 1 && account.roles[0] === 'DATA_EDITOR')
      throw badUserInput(
        'datasetCodes',
        msg(
          'the account would be left with no role: give it another role first (setRoles), or disable it',
          'tài khoản sẽ không còn vai trò nào: hãy cấp vai trò khác trước (setRoles), hoặc vô hiệu hóa nó',
        ),
      );
    account.editorOf = editorOf;
    const others = account.roles.filter((r) => r !== 'DATA_EDITOR');
    if (!editorOf.length) account.roles = others;
    else if (!account.roles.includes('DATA_EDITOR')) account.roles = ['DATA_EDITOR', ...others];
    await this.em.flush();
    return account;
  }

  async changePassword(current: string, next: string): Promise<boolean> {
    if (this.caller.sub.startsWith('oidc:'))
      throw forbidden(
        'Mutation.changePassword',
        msg(
          'an external account changes its password at its identity provider',
          'tài khoản bên ngoài đổi mật khẩu tại nhà cung cấp định danh của mình',
        ),
      );
    const account = isUuid(this.caller.sub)
      ? await this.em.findOne(Account, { id: this.caller.sub }, { populate: ['passwordHash'] })
      : null;
    if (!account)
      throw forbidden(
        'Mutation.changePassword',
        msg('only an account can change its password', 'chỉ tài khoản mới đổi được mật khẩu của mình'),
      );
    if (!(await verifyPassword(current, account.passwordHash)))
      throw badUserInput('currentPassword', msg('is not the current password', 'không phải mật khẩu hiện tại'));
    const problem = passwordProblem(next);
    if (problem) throw badUserInput('newPassword', problem);
    account.passwordHash = await hashPassword(next);
    await this.em.flush();
    return true;
  }
}
