import { useMemo, useState } from 'react';
import { apiGet, seg } from '../../api/client.ts';
import type { ControlListEntries } from '../../api/types.ts';
import { formatCount, formatDate } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';
import { buildEntryTree, type EntryNode } from './build-entry-tree.ts';
import { UnverifiedBadge } from './entry-citation.tsx';
import { EntryLookup } from './entry-lookup.tsx';
import { LIST_NAMES } from './list-catalogue.tsx';

/** One list browsed as a tree by category, with a filter on codes and headings. */
export function ListTree({ list }: { list: string }) {
  const id = list.toUpperCase();
  const state = useApi(id, (s) => apiGet<ControlListEntries>(`/controls/${seg(id)}`, undefined, s));
  const [filter, setFilter] = useState('');
  return (
    <>
      <p className="crumbs">
        <a href="#/controls">Control lists</a> / {id}
      </p>
      <div className="page-header">
        <div>
          <h1>
            <span className="jur">{id}</span> {LIST_NAMES[id] ?? id}
          </h1>
          {state.data ? (
            <p className="lede">
              Version {state.data.list.version}, in force from {formatDate(state.data.list.validFrom)} ·{' '}
              {formatCount(state.data.entries.length)} entries
            </p>
          ) : null}
        </div>
      </div>
      <Async state={state} loadingLabel="Loading the list…">
        {(data) => <Tree data={data} list={id} filter={filter} setFilter={setFilter} />}
      </Async>
      {state.error ? <EntryLookup /> : null}
    </>
  );
}

function Tree({
  data,
  list,
  filter,
  setFilter,
}: {
  data: ControlListEntries;
  list: string;
  filter: string;
  setFilter: (f: string) => void;
}) {
  const tree = useMemo(() => buildEntryTree(data.entries), [data]);
  const needle = filter.trim().toLowerCase();
  const matches = useMemo(
    () =>
      needle
        ? data.entries
            .filter((e) => e.code.toLowerCase().includes(needle) || e.heading.toLowerCase().includes(needle))
            .slice(0, 200)
        : [],
    [data, needle],
  );
  return (
    <div className="panel">
      <label className="field">
        <span>Find in this list</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="code or words of the heading"
        />
      </label>
      {needle ? (
        <ul className="tree-flat" aria-label="Matching entries">
          {matches.map((e) => (
            <li key={e.code}>
              <a href={href(['controls', list, e.code])}>
                <code>{e.code}</code>
              </a>{' '}
              {e.heading}
              {e.unverified ? (
                <>
                  {' '}
                  <UnverifiedBadge />
                </>
              ) : null}
            </li>
          ))}
          {matches.length === 0 ? <li className="muted">No entry matches.</li> : null}
        </ul>
      ) : (
        <ul className="tree" role="tree" aria-label={`${list} entries by category`}>
          {tree.map((n) => (
            <TreeNode key={n.code} node={n} list={list} depth={0} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TreeNode({ node, list, depth }: { node: EntryNode; list: string; depth: number }) {
  const [open, setOpen] = useState(false);
  const has = node.children.length > 0;
  return (
    <li role="treeitem" aria-expanded={has ? open : undefined} aria-level={depth + 1} aria-selected={false}>
      <div className="tree-row">
        {has ? (
          <button
            type="button"
            className="tree-toggle"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.code}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        {node.isEntry ? (
          <a href={href(['controls', list, node.code])}>
            <code>{node.code}</code>
          </a>
        ) : (
          <strong>Category {node.code}</strong>
        )}
        <span className="tree-heading">{node.heading}</span>
        {node.unverified ? <UnverifiedBadge /> : null}
        {node.reasons.length ? <span className="muted small">{node.reasons.join(', ')}</span> : null}
        {has ? <span className="muted small">({node.children.length})</span> : null}
      </div>
      {open && has ? (
        <ul role="group">
          {node.children.map((c) => (
            <TreeNode key={c.code} node={c} list={list} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
