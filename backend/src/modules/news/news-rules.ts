/**
 * Pure rules of news and exemplary-model stories: the workflow, slugs, plain text for search and
 * descriptions, and counts against the plan's targets. Nothing here imports NestJS or TypeORM.
 */
export type NewsKind = 'news' | 'story';
export type NewsStatus = 'draft' | 'submitted' | 'returned' | 'published';
export type SubjectKind = 'person' | 'collective';
export const NEWS_KINDS: NewsKind[] = ['news', 'story'];
export const SUBJECT_KINDS: SubjectKind[] = ['person', 'collective'];

export type NewsTransition = 'edit' | 'submit' | 'approve' | 'return';

/** Which transitions a status allows: a unit edits and submits a draft or a returned item; its head approves or returns a submitted one. */
export function canTransition(status: NewsStatus, t: NewsTransition): boolean {
  switch (t) {
    case 'edit':
    case 'submit':
      return status === 'draft' || status === 'returned';
    case 'approve':
    case 'return':
      return status === 'submitted';
  }
}

/** Vietnamese without diacritics, lower case: "Gương điển hình" → "guong dien hinh". */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** What a news item's URL part may be: lower-case letters without diacritics, digits and hyphens. */
export const isSlug = (s: string): boolean => /^[a-z0-9-]{1,240}$/.test(s);

/** A readable, unique URL part: the folded title cut to 80 characters, then a short id suffix. */
export function slugFor(title: string, id: string): string {
  const base = foldVietnamese(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return `${base || 'tin'}-${id.replace(/-/g, '').slice(0, 8)}`;
}

/** Plain text of sanitised HTML: block ends become spaces, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A description of at most `max` characters, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).trimEnd()}…`;
}

export interface PublishedCount {
  unitId: string;
  movementKey: string | null;
  kind: NewsKind;
  count: number;
}
export interface Target {
  /** '' = the whole year, whatever the movement. */
  movementKey: string;
  kind: NewsKind;
  perUnit: number;
}
export interface CountCell {
  kind: NewsKind;
  published: number;
  target: number | null;
  met: boolean | null;
}
export interface UnitCounts {
  unitId: string;
  total: CountCell[];
  byMovement: { movementKey: string; cells: CountCell[] }[];
}

const cell = (kind: NewsKind, published: number, target: number | null): CountCell =>
  ({ kind, published, target, met: target === null ? null : published >= target });

/**
 * Published news and stories per unit, in total and per movement, against the per-unit targets the
 * block year set ('' = the year as a whole). Movements without a target or an item are left out.
 */
export function countAgainstTargets(unitIds: string[], movementKeys: string[], counts: PublishedCount[], targets: Target[]): UnitCounts[] {
  const target = (movementKey: string, kind: NewsKind) => targets.find((t) => t.movementKey === movementKey && t.kind === kind)?.perUnit ?? null;
  return unitIds.map((unitId) => {
    const mine = counts.filter((c) => c.unitId === unitId);
    const sum = (kind: NewsKind, movementKey?: string) =>
      mine.filter((c) => c.kind === kind && (movementKey === undefined || c.movementKey === movementKey)).reduce((s, c) => s + c.count, 0);
    const byMovement = movementKeys
      .map((movementKey) => ({ movementKey, cells: NEWS_KINDS.map((k) => cell(k, sum(k, movementKey), target(movementKey, k))) }))
      .filter((m) => m.cells.some((c) => c.published > 0 || c.target !== null));
    return { unitId, total: NEWS_KINDS.map((k) => cell(k, sum(k), target('', k))), byMovement };
  });
}
