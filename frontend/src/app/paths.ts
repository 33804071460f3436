/** Typed route table: every link in the app is built from here. */
export const paths = {
  signIn: { path: '/sign-in', getHref: (next?: string) => (next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in') },
  home: { path: '/', getHref: () => '/' },
  blocks: { path: '/blocks', getHref: () => '/blocks' },
  block: { path: '/blocks/:id', getHref: (id: string) => `/blocks/${id}` },
  units: { path: '/units', getHref: () => '/units' },
  accounts: { path: '/accounts', getHref: () => '/accounts' },
  blockYears: { path: '/block-years', getHref: () => '/block-years' },
  blockYear: { path: '/block-years/:id', getHref: (id: string) => `/block-years/${id}` },
  audit: { path: '/audit', getHref: () => '/audit' },
  import: { path: '/import', getHref: () => '/import' },
  me: { path: '/me', getHref: () => '/me' },
} as const;
