import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';

export class PageQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize: number = 20;

  @ApiPropertyOptional({ description: 'Tìm theo tên / mã' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(/^[^\u0000]*$/, { message: '!không được chứa ký tự NUL' })
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * A search condition: one of `columns` contains the text of the `likePattern` bound at `pattern`, in any case and
 * with or without diacritics ("doan" finds "Đoàn", "Đoàn" finds "Doan").
 */
export const textMatches = (columns: string[], pattern: string): string =>
  `(${columns.map((c) => `lower(unaccent(${c})) LIKE lower(unaccent(${pattern}))`).join(' OR ')})`;

/**
 * One page of a filtered list and how many rows match in all: `where` gives the conditions (falsy ones are
 * dropped), binding each value through `p`; the count and the page read the same conditions.
 */
export async function sqlPage<R>(em: Pick<EntityManager, 'query'>, a: {
  from: string; select: string; orderBy: string; page: number; pageSize: number; where: (p: (value: unknown) => string) => (string | false | null | undefined)[];
}): Promise<{ rows: R[]; total: number }> {
  const params: unknown[] = [];
  const p = (value: unknown) => (params.push(value), `$${params.length}`);
  const conditions = a.where(p).filter((c): c is string => !!c);
  const sqlWhere = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const [{ count }]: { count: number }[] = await em.query(`SELECT count(*)::int AS count FROM ${a.from} ${sqlWhere}`, params);
  const rows: R[] = await em.query(`${a.select} ${sqlWhere} ORDER BY ${a.orderBy} LIMIT ${p(a.pageSize)} OFFSET ${p((a.page - 1) * a.pageSize)}`, params);
  return { rows, total: count };
}
