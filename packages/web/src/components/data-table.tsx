import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Empty } from './states.tsx';

/** One column of a `DataTable`. */
export interface Column<T> {
  key: string;
  header: string;
  /** The cell's content; defaults to the sort value. */
  render?: (row: T) => ReactNode;
  /** The value to sort by (and to filter on when `text` is absent). */
  value: (row: T) => string | number | undefined;
  /** Text searched by the filter box; defaults to the value. */
  text?: (row: T) => string;
  numeric?: boolean;
  width?: number | string;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  onRowClick?: (row: T) => void;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  filterPlaceholder?: string;
  emptyTitle?: string;
  /** Extra controls shown beside the filter box. */
  toolbar?: ReactNode;
  maxHeight?: number;
}

/** Rows above which only the visible rows are rendered. */
const VIRTUAL_FROM = 150;
const ROW_HEIGHT = 34;
const OVERSCAN = 10;

/**
 * A table with a filter box, sortable columns (click or Enter on a header)
 * and, past a few hundred rows, virtual scrolling of fixed-height rows.
 */
export function DataTable<T>(props: Props<T>) {
  const { rows, columns, rowKey, label, onRowClick, maxHeight = 560 } = props;
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState(props.initialSort);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let out = needle
      ? rows.filter((r) =>
          columns.some((c) => (c.text ? c.text(r) : String(c.value(r) ?? '')).toLowerCase().includes(needle)),
        )
      : rows.slice();
    const col = sort && columns.find((c) => c.key === sort.key);
    if (col && sort) {
      const dir = sort.dir === 'asc' ? 1 : -1;
      out = out.sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        if (x === y) return 0;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return (
          (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
        );
      });
    }
    return out;
  }, [rows, columns, filter, sort]);

  const virtual = shown.length > VIRTUAL_FROM;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const count = virtual ? Math.ceil(maxHeight / ROW_HEIGHT) + 2 * OVERSCAN : shown.length;
  const visible = shown.slice(first, first + count);
  const padTop = first * ROW_HEIGHT;
  const padBottom = virtual ? Math.max(0, (shown.length - first - visible.length) * ROW_HEIGHT) : 0;

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  return (
    <div className="table-block">
      <div className="table-toolbar">
        <input
          type="search"
          className="table-filter"
          aria-label={`Filter ${label}`}
          placeholder={props.filterPlaceholder ?? 'Filter…'}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setScrollTop(0);
            if (scroller.current) scroller.current.scrollTop = 0;
          }}
        />
        <span className="muted table-count" aria-live="polite">
          {shown.length === rows.length ? `${rows.length} rows` : `${shown.length} of ${rows.length} rows`}
        </span>
        {props.toolbar}
      </div>
      {shown.length === 0 ? (
        <Empty
          title={rows.length === 0 ? (props.emptyTitle ?? 'Nothing here yet') : 'No row matches the filter'}
        />
      ) : (
        <div
          className="table-scroll"
          ref={scroller}
          style={{ maxHeight }}
          onScroll={virtual ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
        >
          <table
            className={virtual ? 'data-table fixed-rows' : 'data-table'}
            aria-label={label}
            aria-rowcount={shown.length + 1}
          >
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    style={c.width ? { width: c.width } : undefined}
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={
                      sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
                    }
                  >
                    <button type="button" className="th-sort" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
              {visible.map((r, i) => (
                <tr
                  key={rowKey(r)}
                  aria-rowindex={first + i + 2}
                  className={onRowClick ? 'clickable' : undefined}
                  tabIndex={onRowClick ? 0 : undefined}
                  onClick={onRowClick ? () => onRowClick(r) : undefined}
                  onKeyDown={
                    onRowClick
                      ? (e) => {
                          if (e.key === 'Enter') onRowClick(r);
                        }
                      : undefined
                  }
                >
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.render ? c.render(r) : String(c.value(r) ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
              {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
