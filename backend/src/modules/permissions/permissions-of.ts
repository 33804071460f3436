import { Actor, isCityWide } from '../../common/actor';
import { AccountsPolicy } from '../accounts/accounts.policy';
import { AwardsPolicy } from '../awards/awards.policy';
import { BlockYearsPolicy } from '../block-years/block-years.policy';
import { BlocksPolicy } from '../blocks/blocks.policy';
import { MailPolicy } from '../mail/mail.policy';
import { ProposalsPolicy } from '../proposals/proposals.policy';
import { UnitsPolicy } from '../units/units.policy';
import type { PermissionsDto } from '../auth/dto/auth.dto';

/** The city-wide rights the browser shows or hides controls by: each one the predicate its module's policy refuses with. */
export function permissionsOf(actor: Actor): PermissionsDto {
  return {
    cityWide: isCityWide(actor),
    manageUnits: UnitsPolicy.canManage(actor),
    manageBlocks: BlocksPolicy.canManage(actor),
    manageBlockYears: BlockYearsPolicy.canManage(actor),
    manageAccounts: AccountsPolicy.canManageAny(actor),
    grantAdmin: AccountsPolicy.canGrantAdmin(actor),
    editAwards: AwardsPolicy.canManage(actor),
    appraiseDossiers: ProposalsPolicy.isBoard(actor),
    readMailOutbox: MailPolicy.canReadOutbox(actor),
  };
}
