import type { ExportParty } from '../../api/licensing-types.ts';
import { updateAt } from '../../components/update-at.ts';

const ROLES: ExportParty['role'][] = ['exporter', 'consignee', 'end-user', 'intermediary'];

/** The parties of a transaction: role, name, country and address; each is screened on assessment. */
export function PartiesEditor({
  parties,
  onChange,
}: {
  parties: ExportParty[];
  onChange: (p: ExportParty[]) => void;
}) {
  const set = (i: number, patch: Partial<ExportParty>) => onChange(updateAt(parties, i, patch));
  return (
    <div className="stack">
      <p className="muted">Every party is screened against the restricted-party lists when you assess.</p>
      {parties.map((p, i) => (
        <fieldset key={i} className="party-editor">
          <legend>Party {i + 1}</legend>
          <div className="field-row">
            <label className="field">
              <span>Role</span>
              <select
                name={`party-${i + 1}-role`}
                value={p.role}
                onChange={(e) => set(i, { role: e.target.value as ExportParty['role'] })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span>Name</span>
              <input
                name={`party-${i + 1}-name`}
                value={p.name}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Country</span>
              <input
                name={`party-${i + 1}-country`}
                value={p.country}
                maxLength={2}
                size={4}
                onChange={(e) => set(i, { country: e.target.value.toUpperCase() })}
              />
            </label>
          </div>
          <label className="field">
            <span>Address (optional)</span>
            <input
              name={`party-${i + 1}-address`}
              value={p.address ?? ''}
              onChange={(e) => set(i, { address: e.target.value })}
            />
          </label>
          {parties.length > 1 ? (
            <button
              type="button"
              className="btn btn-small btn-ghost-danger"
              onClick={() => onChange(parties.filter((_, k) => k !== i))}
            >
              Remove party {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        onClick={() => onChange([...parties, { role: 'end-user', name: '', country: '' }])}
      >
        Add a party
      </button>
    </div>
  );
}
