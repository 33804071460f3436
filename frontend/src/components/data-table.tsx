import { Button, Empty, Flex, Spin, theme } from 'antd';
import { Fragment, useId, useState, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';
import { VisuallyHidden } from './visually-hidden';

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
  /** As antd's: a button per row opens `expandedRowRender` in a row below it (for records `rowExpandable` allows). */
  expandable?: DataExpandable<T>;
  style?: CSSProperties;
  'aria-label'?: string;
}

export interface DataExpandable<T> {
  expandedRowRender: (record: T) => ReactNode;
  rowExpandable?: (record: T) => boolean;
}

/**
 * Client-side paging slices `dataSource`; with `total` the rows are already the server's page `current` (and
 * `pageSize` is the caller's). `pageSizeOptions` adds a "rows per page" select; a new size goes back to page 1.
 */
export interface DataPaging {
  pageSize: number;
  pageSizeOptions?: readonly number[];
  hideOnSinglePage?: boolean;
  showTotal?: (total: number) => ReactNode;
  current?: number;
  total?: number;
  onChange?: (page: number, pageSize: number) => void;
}

/** The rows-per-page choices of the lists paged on the server (antd's defaults). */
export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100];

/** The width of the column that holds the expand buttons. */
const EXPAND_WIDTH = 48;

const PADDING = { small: '8px 8px', middle: '12px 8px', large: '16px 16px' } as const;

/**
 * A read-only table that looks like antd's but weighs next to nothing: a real <table> with column headers
 * (so screen readers and role queries read it as antd's; rows carry `data-row-key` as antd's do) and a small
 * pager (with a rows-per-page select when asked), and rows that expand; no sorting, filters or selection (lists
 * sort and filter on the server). antd's Table weighs ≈ 50 KB gzipped with its pagination and filters.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { columns, dataSource = [], rowKey = 'key', tableLayout, loading = false, locale, size = 'large', bordered = false, scroll, caption, onRow, pagination, expandable, style } = props;
  const { token } = theme.useToken();
  const t = useT();
  const id = useId();
  const [ownPage, setOwnPage] = useState(1);
  const [ownSize, setOwnSize] = useState<number | undefined>(undefined);
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(new Set());
  const server = pagination && pagination.total !== undefined;
  const pageSize = pagination ? (server ? pagination.pageSize : ownSize ?? pagination.pageSize) : 0;
  const total = server ? pagination.total! : dataSource.length;
  const pages = pagination ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const page = Math.min((server ? pagination.current : ownPage) ?? 1, pages);
  const rows = pagination && !server ? dataSource.slice((page - 1) * pageSize, page * pageSize) : dataSource;
  const toPage = (n: number, size = pageSize) => {
    setOwnPage(n);
    if (pagination) pagination.onChange?.(n, size);
  };
  const toSize = (size: number) => {
    setOwnSize(size);
    toPage(1, size);
  };
  const keyOf = (r: T) => (typeof rowKey === 'function' ? rowKey(r) : ((r as Record<string, unknown>)[rowKey] as Key));
  const toggle = (key: Key) => setExpanded((was) => {
    const now = new Set(was);
    if (!now.delete(key)) now.add(key);
    return now;
  });
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  const lefts: (number | undefined)[] = [];
  const sticky = columns.some((c) => c.fixed === 'left');
  columns.reduce((left, c, i) => {
    if (c.fixed !== 'left') return left;
    lefts[i] = left;
    return left + (typeof c.width === 'number' ? c.width : 0);
  }, expandable ? EXPAND_WIDTH : 0);
  const span = columns.length + (expandable ? 1 : 0);
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
  // The expand column stays in view with the fixed ones.
  const expandCell = (head: boolean): CSSProperties => ({
    ...cell({ width: EXPAND_WIDTH, align: 'center' }, -1, head),
    ...(sticky && { position: 'sticky', left: 0, zIndex: 1, background: head ? token.colorFillAlter : token.colorBgContainer }),
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
            <tr>
              {/* A named header, so screen readers (and axe's td-has-header) know what the buttons below open. */}
              {expandable && <th scope="col" style={expandCell(true)}><VisuallyHidden>{t('common.details')}</VisuallyHidden></th>}
              {columns.map((c, i) => <th key={c.key ?? c.dataIndex ?? i} scope="col" style={cell(c, i, true)}>{c.title}</th>)}
            </tr>
          </thead>
          <tbody>
            {dataSource.length === 0 ? (
              <tr>
                <td colSpan={span} style={{ padding: PADDING[size], borderBottom: line }}>
                  {locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                </td>
              </tr>
            ) : rows.map((r, index) => {
              const row = onRow?.(r, index);
              // A sticky cell paints its own background: the row's tint goes on it too.
              const tint = row?.style?.background;
              const key = keyOf(r);
              const open = expanded.has(key);
              const detailId = `${id}-detail-${key}`;
              return (
                <Fragment key={key}>
                  <tr data-row-key={key} {...row}>
                    {expandable && (
                      <td style={{ ...expandCell(false), ...(tint !== undefined && sticky && { background: tint }) }}>
                        {(expandable.rowExpandable?.(r) ?? true) && (
                          <Button size="small" aria-expanded={open} aria-controls={detailId} aria-label={t(open ? 'common.collapseRow' : 'common.expandRow')}
                            onClick={() => toggle(key)}><span aria-hidden="true">{open ? '−' : '+'}</span></Button>
                        )}
                      </td>
                    )}
                    {columns.map((c, i) => {
                      const value = c.dataIndex === undefined ? undefined : (r as Record<string, unknown>)[c.dataIndex];
                      return <td key={c.key ?? c.dataIndex ?? i} style={{ ...cell(c, i, false), ...(tint !== undefined && lefts[i] !== undefined && { background: tint }) }}>{c.render ? c.render(value, r, index) : (value as ReactNode)}</td>;
                    })}
                  </tr>
                  {expandable && open && (
                    <tr id={detailId}>
                      <td colSpan={span} style={{ padding: PADDING[size], borderBottom: line, background: token.colorFillQuaternary }}>{expandable.expandedRowRender(r)}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {pagination && !(pagination.hideOnSinglePage && pages === 1) && (
        <Pager page={page} pages={pages} onChange={toPage} total={pagination.showTotal?.(total)}
          size={pagination.pageSizeOptions && { value: pageSize, options: pagination.pageSizeOptions, onChange: toSize }} />
      )}
    </Spin>
  );
}

/** Page numbers around the current one (first and last always), gaps as null. */
function pageList(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}

interface PageSizeSelect { value: number; options: readonly number[]; onChange: (pageSize: number) => void }

/** Previous / page numbers / next, with the total before them and the rows-per-page select after, below the table on the right as antd's. */
function Pager({ page, pages, onChange, total, size }: { page: number; pages: number; onChange: (page: number) => void; total?: ReactNode; size?: PageSizeSelect }) {
  const t = useT();
  const { token } = theme.useToken();
  // A size the caller set outside the options still shows as chosen.
  const sizes = size && [...new Set([...size.options, size.value])].sort((a, b) => a - b);
  return (
    <Flex component="nav" aria-label={t('common.pages')} justify="flex-end" align="center" gap={4} wrap style={{ marginTop: 16 }}>
      {total !== undefined && <span style={{ marginInlineEnd: 8 }}>{total}</span>}
      <Button size="small" disabled={page === 1} onClick={() => onChange(page - 1)} aria-label={t('common.previousPage')}>‹</Button>
      {pageList(page, pages).map((n, i) => (n === null
        ? <span key={`gap-${i}`} aria-hidden="true">…</span>
        : <Button key={n} size="small" type={n === page ? 'primary' : 'default'} ghost={n === page} aria-current={n === page ? 'page' : undefined}
          aria-label={t('common.pageN', { n })} onClick={() => onChange(n)}>{n}</Button>))}
      <Button size="small" disabled={page === pages} onClick={() => onChange(page + 1)} aria-label={t('common.nextPage')}>›</Button>
      {size && sizes && (
        <label style={{ marginInlineStart: 8, display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          {t('common.pageSize')}
          <select value={size.value} onChange={(e) => size.onChange(Number(e.target.value))}
            style={{ height: token.controlHeightSM, padding: '0 4px', font: 'inherit', color: token.colorText, background: token.colorBgContainer, border: `${token.lineWidth}px ${token.lineType} ${token.colorBorder}`, borderRadius: token.borderRadiusSM }}>
            {sizes.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      )}
    </Flex>
  );
}
