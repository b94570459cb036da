import { apiGet } from '../../api/client.ts';
import type { ListVersion } from '../../api/types.ts';
import { useApi } from '../../components/use-api.ts';

/** Checkboxes of the loaded restricted-party sources; none ticked means every list. */
export function SourcePicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const lists = useApi('lists', (s) => apiGet<{ lists: ListVersion[] }>('/lists', undefined, s));
  const sources = (lists.data?.lists ?? []).map((l) => l.source).sort();
  return (
    <fieldset className="source-picker">
      <legend>
        Lists{' '}
        {value.length === 0 ? (
          <span className="muted">(all)</span>
        ) : (
          <span className="muted">({value.length})</span>
        )}
      </legend>
      {lists.loading ? <span className="muted">Loading lists…</span> : null}
      {lists.error ? <span className="muted">Lists could not be loaded: every list is screened.</span> : null}
      <div className="checks">
        {sources.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={value.includes(s)}
              onChange={(e) => onChange(e.target.checked ? [...value, s] : value.filter((v) => v !== s))}
            />
            {s}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
