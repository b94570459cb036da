import { useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { Jurisdiction } from '../../api/licensing-types.ts';
import type { ClassifyResponse } from '../../api/types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/states.tsx';
import { classificationsFrom, JURISDICTIONS } from './classifications-from.ts';

/** An item as the form edits it (numbers as typed). */
export interface ItemDraft {
  description: string;
  origin: string;
  value: string;
  quantity: string;
  usContentShare: string;
  classifications: Partial<Record<Jurisdiction, string>>;
}

/** A blank item. */
export const EMPTY_ITEM: ItemDraft = {
  description: '',
  origin: '',
  value: '',
  quantity: '',
  usContentShare: '',
  classifications: {},
};

/** One item of the assessment form, with its classification search. */
export function ItemEditor({
  index,
  item,
  onChange,
  onRemove,
}: {
  index: number;
  item: ItemDraft;
  onChange: (i: ItemDraft) => void;
  onRemove?: () => void;
}) {
  const [search, setSearch] = useState<{ loading: boolean; error?: Error; data?: ClassifyResponse }>({
    loading: false,
  });
  const set = (patch: Partial<ItemDraft>) => onChange({ ...item, ...patch });
  const find = async () => {
    setSearch({ loading: true });
    try {
      setSearch({
        loading: false,
        data: await apiGet<ClassifyResponse>('/classify', { q: item.description.trim(), limit: 6 }),
      });
    } catch (e) {
      setSearch({ loading: false, error: e as Error });
    }
  };
  const n = index + 1;
  return (
    <fieldset className="item-editor">
      <legend>Item {n}</legend>
      <label className="field">
        <span>Description</span>
        <input
          name={`item-${n}-description`}
          value={item.description}
          onChange={(e) => set({ description: e.target.value })}
          placeholder="e.g. Radiation-hardened integrated circuits"
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Origin country</span>
          <input
            name={`item-${n}-origin`}
            value={item.origin}
            onChange={(e) => set({ origin: e.target.value.toUpperCase() })}
            maxLength={2}
            size={4}
            placeholder="DE"
          />
        </label>
        <label className="field">
          <span>Value (USD)</span>
          <input
            name={`item-${n}-value`}
            type="number"
            min={0}
            value={item.value}
            onChange={(e) => set({ value: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Quantity</span>
          <input
            name={`item-${n}-quantity`}
            type="number"
            min={0}
            value={item.quantity}
            onChange={(e) => set({ quantity: e.target.value })}
          />
        </label>
        <label className="field">
          <span>US-origin content (%)</span>
          <input
            name={`item-${n}-us-content`}
            type="number"
            min={0}
            max={100}
            value={item.usContentShare}
            onChange={(e) => set({ usContentShare: e.target.value })}
          />
        </label>
      </div>
      <div className="classif">
        <div className="classif-head">
          <strong>Classification</strong>
          <button
            type="button"
            className="btn btn-small"
            disabled={item.description.trim().length < 2 || search.loading}
            onClick={() => void find()}
          >
            Find classification
          </button>
          <span className="muted small">from the description, in every ally’s list</span>
        </div>
        <div className="field-row">
          {JURISDICTIONS.map((j) => (
            <label key={j} className="field">
              <span>{j} entry</span>
              <input
                name={`item-${n}-class-${j}`}
                value={item.classifications[j] ?? ''}
                onChange={(e) =>
                  set({ classifications: { ...item.classifications, [j]: e.target.value.trim() } })
                }
                placeholder={j === 'US' ? 'ECCN or EAR99' : 'code'}
                size={12}
              />
            </label>
          ))}
        </div>
        {search.loading ? <Loading label="Searching the control lists…" /> : null}
        {search.error ? <ErrorMessage error={search.error} /> : null}
        {search.data ? (
          search.data.candidates.length === 0 ? (
            <Empty title="No candidate entry">
              Try other words, e.g. the technical parameters of the product.
            </Empty>
          ) : (
            <ul className="candidates" aria-label={`Classification candidates for item ${n}`}>
              {search.data.candidates.map((c) => (
                <li key={c.id}>
                  <ScoreBar value={c.score} width={60} label={`Relevance of ${c.id}`} />
                  <span className="cand-text">
                    <code>{c.id}</code> {c.heading}
                  </span>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      set({ classifications: classificationsFrom(c) });
                      setSearch({ loading: false });
                    }}
                  >
                    Use {c.id}
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
      {onRemove ? (
        <button type="button" className="btn btn-small btn-ghost-danger" onClick={onRemove}>
          Remove item {n}
        </button>
      ) : null}
    </fieldset>
  );
}
