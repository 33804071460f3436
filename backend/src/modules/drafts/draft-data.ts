import type { EntityManager } from 'typeorm';
import { badRequest, invalidField, notFound } from '../../common/app-error';
import type { DraftKind } from './draft-content';
import { DraftDocument } from './entities/draft-document.entity';
import { DraftVersion } from './entities/draft-version.entity';

/** A draft version and its document as the workflow and the read model load them (the drafts module's own rows), and what other modules share. */

export type DraftMaterialKind = 'plan_version' | 'rules_version';
export interface MaterialDescription {
  blockYearId: string;
  title: string;
}

export interface ExportedFile {
  buffer: Buffer;
  filename: string;
  contentType: string;
}

export const KIND_LABEL: Record<DraftKind, string> = { plan: 'Kế hoạch hoạt động', rules: 'Quy chế hoạt động và bình xét thi đua' };
export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export interface Loaded {
  v: DraftVersion;
  doc: DraftDocument;
}

/** A version and its document; `lock` true locks the version for a write, 'share' against adoption while a comment is written. */
export async function loadVersion(em: EntityManager, id: string, lock: boolean | 'share' = false, field = 'id'): Promise<Loaded> {
  const v = await em.getRepository(DraftVersion).findOne({
    where: { id }, lock: lock === 'share' ? { mode: 'pessimistic_read' } : lock ? { mode: 'pessimistic_write' } : undefined,
  });
  if (!v) {
    if (field !== 'id') throw invalidField(field, 'không phải phiên bản dự thảo có trong hệ thống');
    throw notFound('Không tìm thấy phiên bản dự thảo.');
  }
  const doc = await em.getRepository(DraftDocument).findOneByOrFail({ id: v.documentId });
  return { v, doc };
}

export async function unitNames(em: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM units');
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The deciding conference must exist and belong to the same block year. */
export async function assertConferenceOfYear(em: EntityManager, conferenceId: string, blockYearId: string): Promise<void> {
  const [c] = await em.query('SELECT block_year_id FROM conferences WHERE id = $1', [conferenceId]);
  if (!c) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
  if (c.block_year_id !== blockYearId) throw badRequest('other_block_year', 'Văn bản thuộc năm thi đua khác với hội nghị.', { conferenceId: 'phải là hội nghị của cùng năm thi đua' });
}

/** Today in Vietnam (UTC+7) as yyyy-mm-dd. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
