import type { Me } from '@/api/me';
import { paths } from '@/lib/paths';

/** Navigation by the rights the server sends: the board and admins see the whole city; units see their block and themselves. */
export function navItems(me: Pick<Me, 'permissions' | 'unitId'>): { href: string; label: string }[] {
  if (me.permissions.cityWide) {
    return [
      { href: paths.home.getHref(), label: 'nav.home' },
      { href: paths.board.getHref(), label: 'nav.board' },
      { href: paths.news.getHref(), label: 'nav.news' },
      { href: `${paths.news.getHref()}?tab=models`, label: 'nav.models' },
      { href: paths.proposals.getHref(), label: 'nav.proposals' },
      { href: paths.awards.getHref(), label: 'nav.awards' },
      { href: paths.blocks.getHref(), label: 'nav.blocks' },
      { href: paths.blockYears.getHref(), label: 'nav.blockYears' },
      { href: paths.units.getHref(), label: 'nav.units' },
      { href: paths.accounts.getHref(), label: 'nav.accounts' },
      { href: paths.import.getHref(), label: 'nav.import' },
      { href: paths.audit.getHref(), label: 'nav.audit' },
      ...(me.permissions.readMailOutbox ? [{ href: paths.mailOutbox.getHref(), label: 'nav.mailOutbox' }] : []),
      { href: paths.covenantVerify.getHref(), label: 'nav.verify' },
    ];
  }
  return [
    { href: paths.home.getHref(), label: 'nav.home' },
    { href: paths.blockYears.getHref(), label: 'nav.blockYears' },
    { href: paths.units.getHref(), label: 'nav.units' },
    { href: paths.proposals.getHref(), label: 'nav.proposals' },
    { href: paths.news.getHref(), label: 'nav.news' },
    { href: `${paths.news.getHref()}?tab=models`, label: 'nav.models' },
    ...(me.unitId ? [{ href: paths.unitAwards.getHref(me.unitId), label: 'nav.unitAwards' }] : []),
    { href: paths.accounts.getHref(), label: 'nav.accounts' },
    { href: paths.covenantVerify.getHref(), label: 'nav.verify' },
  ];
}
