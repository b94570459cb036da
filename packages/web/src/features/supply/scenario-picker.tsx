import type { SupplyScenario } from '../../api/supply-types.ts';
import { formatDate, labelOf } from '../../components/format.ts';

/** The scenario library as checkboxes, each with its title, actor, kind, date and note. */
export function ScenarioPicker({
  scenarios,
  version,
  value,
  onChange,
  disabled,
}: {
  scenarios: SupplyScenario[];
  version: string;
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const toggle = (id: string, on: boolean) =>
    onChange(
      on
        ? scenarios.map((s) => s.id).filter((x) => x === id || value.includes(x))
        : value.filter((x) => x !== id),
    );
  return (
    <fieldset className="scenario-picker" disabled={disabled}>
      <legend>
        Scenarios to run ({value.length} of {scenarios.length} chosen)
      </legend>
      <div className="btn-row picker-actions">
        <button type="button" className="btn btn-small" onClick={() => onChange(scenarios.map((s) => s.id))}>
          Choose all
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([])}
          disabled={value.length === 0}
        >
          Clear
        </button>
        <span className="muted small">Library: {version}</span>
      </div>
      <ul className="plain scenario-options">
        {scenarios.map((s) => (
          <li key={s.id}>
            <label className="scenario-option">
              <input
                type="checkbox"
                checked={value.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
                aria-labelledby={`scn-title-${s.id}`}
                aria-describedby={s.note ? `scn-note-${s.id}` : undefined}
              />
              <span>
                <span id={`scn-title-${s.id}`} className="scenario-title">
                  {s.title}
                </span>
                <span className="muted small scenario-meta">
                  <span className="jur">{s.actor}</span>
                  {labelOf(s.kind)}
                  {s.source?.date ? ` · ${formatDate(s.source.date)}` : ''}
                </span>
                {s.note ? (
                  <span id={`scn-note-${s.id}`} className="muted small scenario-note" title={s.note}>
                    {s.note}
                  </span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
