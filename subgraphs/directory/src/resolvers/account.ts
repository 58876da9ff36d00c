import { forbidden, msg } from '@hub/schema';
import type { AccountResolvers } from '../__generated__/resolvers-types';
import { AccountAdminService } from '../services';
import type { Ctx } from './context';

export const Account: AccountResolvers<Ctx> = {
  /**
   * An account by reference (a change's author, an audit event's caller): null for an id that is no account of the
   * directory (an external `oidc:…` one), and FORBIDDEN for a caller who could not list it in `Query.accounts`.
   */
  async __resolveReference(ref, ctx) {
    const account = await ctx.loaders.accountById.load(String(ref.id));
    if (!account) return null;
    if (!new AccountAdminService(ctx.em, ctx.caller).mayRead(account)) {
      throw forbidden(
        'Change.account',
        msg(
          "an account is shown to the system admin, auditors and the admins of its agency; the change's agencyCode and accountRoles say who made it",
          'tài khoản chỉ được hiển thị cho quản trị viên hệ thống, kiểm toán viên và quản trị viên cơ quan của tài khoản đó; agencyCode và accountRoles của thay đổi cho biết ai đã thực hiện',
        ),
      );
    }
    return account;
  },
  source: (a) => ('source' in a ? a.source : 'HUB'),
  editorOf: async (a, _, ctx) => (await ctx.loaders.datasetByCode.loadMany(a.editorOf)).filter((d) => d && !(d instanceof Error)) as never,
  agency: (a, _, ctx) =>
    'id' in a.agency && a.agency.id ? ctx.loaders.agencyById.load(a.agency.id) : ctx.loaders.agencyByCode.load(a.agency.code),
};
