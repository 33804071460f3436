import { Button, Empty, Flex, Spin, theme } from 'antd';
import { useState, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';

/** A column as antd's Table takes it (the part read-only lists use). */
export interface DataColumn<T> {
  key?: Key;
  title?: ReactNode;
  dataIndex?: string;
  render?: (value: any, record: T, index: number) => ReactNode; // antd-compatible: callers annotate the cell value they expect
  align?: 'left' | 'center' | 'right';
  width?: number | string;
  minWidth?: number;
  /** Stays in view while the row scrolls sideways. */
  fixed?: 'left';
}

export interface DataTableProps<T> {
  columns: DataColumn<T>[];
  dataSource?: readonly T[];
  /** As antd's: a field's name or a function; the record's `key` when left out. */
  rowKey?: string | ((record: T) => Key);
  loading?: boolean;
  locale?: { emptyText?: ReactNode };
  size?: 'small' | 'middle' | 'large';
  bordered?: boolean;
  /** Wider than its box: the box scrolls sideways (the page never does). */
  scroll?: { x?: number | string };
  /** Pages of `pageSize` rows, as antd's (`hideOnSinglePage`, `showTotal`, `current`/`total`/`onChange`); false or left out: every row. */
  pagination?: false | DataPaging;
  tableLayout?: 'auto' | 'fixed';
  caption?: ReactNode;
  /** As antd's: attributes for a row (a highlight, `aria-current`); its style is laid under the cells' own. */
  onRow?: (record: T, index: number) => HTMLAttributes<HTMLTableRowElement>;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** Client-side paging slices `dataSource`; with `total` the rows are already the server's page `current`. */
export interface DataPaging {
  pageSize: number;
  hideOnSinglePage?: boolean;
  showTotal?: (total: number) => ReactNode;
  current?: number;
  total?: number;
  onChange?: (page: number) => void;
}

const PADDING = { small: '8px 8px', middle: '12px 8px', large: '16px 16px' } as const;

/**
 * A read-only table that looks like antd's but weighs next to nothing: a real <table> with column headers
 * (so screen readers and role queries read it as antd's; rows carry `data-row-key` as antd's do) and a small
 * pager; no sorting, filters, selection, expandable rows or page-size changer. For lists that only show rows;
 * antd's Table (≈ 50 KB gzipped with its pagination and filters) stays for the tables that need those.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { columns, dataSource = [], rowKey = 'key', tableLayout, loading = false, locale, size = 'large', bordered = false, scroll, caption, onRow, pagination, style } = props;
  const { token } = theme.useToken();
  const [ownPage, setOwnPage] = useState(1);
  const server = pagination && pagination.total !== undefined;
  const total = server ? pagination.total! : dataSource.length;
  const pages = pagination ? Math.max(1, Math.ceil(total / pagination.pageSize)) : 1;
  const page = Math.min((server ? pagination.current : ownPage) ?? 1, pages);
  const rows = pagination && !server ? dataSource.slice((page - 1) * pagination.pageSize, page * pagination.pageSize) : dataSource;
  const toPage = (n: number) => {
    setOwnPage(n);
    if (pagination) pagination.onChange?.(n);
  };
  const keyOf = (r: T) => (typeof rowKey === 'function' ? rowKey(r) : ((r as Record<string, unknown>)[rowKey] as Key));
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  const lefts: (number | undefined)[] = [];
  columns.reduce((left, c, i) => {
    if (c.fixed !== 'left') return left;
    lefts[i] = left;
    return left + (typeof c.width === 'number' ? c.width : 0);
  }, 0);
  const cell = (c: DataColumn<T>, i: number, head: boolean): CSSProperties => ({
    padding: PADDING[size],
    textAlign: c.align ?? 'left',
    width: c.width,
    minWidth: c.minWidth,
    borderBottom: line,
    ...(bordered && { borderInlineEnd: line }),
    ...(head && { background: token.colorFillAlter, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }),
    ...(lefts[i] !== undefined && { position: 'sticky', left: lefts[i], zIndex: 1, background: head ? token.colorFillAlter : token.colorBgContainer }),
  });
  return (
    <Spin spinning={loading}>
      <div className="data-table-box" style={{ overflowX: 'auto', ...style }}>
        <table
          aria-label={props['aria-label']}
          style={{ width: '100%', minWidth: scroll?.x, tableLayout, borderCollapse: 'separate', borderSpacing: 0, fontSize: token.fontSize, color: token.colorText, background: token.colorBgContainer, ...(bordered && { borderTop: line, borderInlineStart: line }) }}
        >
          {caption && <caption style={{ textAlign: 'left', padding: PADDING[size] }}>{caption}</caption>}
          <thead>
            <tr>{columns.map((c, i) => <th key={c.key ?? c.dataIndex ?? i} scope="col" style={cell(c, i, true)}>{c.title}</th>)}</tr>
          </thead>
          <tbody>
            {dataSource.length === 0 ? (
              <tr>
                <td colSpan={columns.length} style={{ padding: PADDING[size], borderBottom: line }}>
                  {locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                </td>
              </tr>
            ) : rows.map((r, index) => {
              const row = onRow?.(r, index);
              // A sticky cell paints its own background: the row's tint goes on it too.
              const tint = row?.style?.background;
              return (
                <tr key={keyOf(r)} data-row-key={keyOf(r)} {...row}>
                  {columns.map((c, i) => {
                    const value = c.dataIndex === undefined ? undefined : (r as Record<string, unknown>)[c.dataIndex];
                    return <td key={c.key ?? c.dataIndex ?? i} style={{ ...cell(c, i, false), ...(tint !== undefined && lefts[i] !== undefined && { background: tint }) }}>{c.render ? c.render(value, r, index) : (value as ReactNode)}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pagination && !(pagination.hideOnSinglePage && pages === 1) && (
        <Pager page={page} pages={pages} onChange={toPage} total={pagination.showTotal?.(total)} />
      )}
    </Spin>
  );
}

/** Page numbers around the current one (first and last always), gaps as null. */
function pageList(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}

/** Previous / page numbers / next, with the total before them, below the table on the right as antd's. */
function Pager({ page, pages, onChange, total }: { page: number; pages: number; onChange: (page: number) => void; total?: ReactNode }) {
  const t = useT();
  return (
    <Flex component="nav" aria-label={t('common.pages')} justify="flex-end" align="center" gap={4} wrap style={{ marginTop: 16 }}>
      {total !== undefined && <span style={{ marginInlineEnd: 8 }}>{total}</span>}
      <Button size="small" disabled={page === 1} onClick={() => onChange(page - 1)} aria-label={t('common.previousPage')}>‹</Button>
      {pageList(page, pages).map((n, i) => (n === null
        ? <span key={`gap-${i}`} aria-hidden="true">…</span>
        : <Button key={n} size="small" type={n === page ? 'primary' : 'default'} ghost={n === page} aria-current={n === page ? 'page' : undefined}
          aria-label={t('common.pageN', { n })} onClick={() => onChange(n)}>{n}</Button>))}
      <Button size="small" disabled={page === pages} onClick={() => onChange(page + 1)} aria-label={t('common.nextPage')}>›</Button>
    </Flex>
  );
}
