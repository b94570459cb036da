import type { ExportParty } from '../../api/licensing-types.ts';
import { updateAt } from '../../components/update-at.ts';

const TRANSACTION_ROLES: ExportParty['role'][] = ['exporter', 'consignee', 'end-user', 'intermediary'];

/** What the editor edits in a party: a role, a name, a country and an address. */
interface EditableParty {
  role: string;
  name: string;
  country?: string;
  address?: string;
}

const NEW_TRANSACTION_PARTY: ExportParty = { role: 'end-user', name: '', country: '' };

/**
 * The parties of a transaction (by default: its roles, each party screened on assessment) or of
 * a denial: role, name, country and address, added and removed in place.
 */
export function PartiesEditor<P extends EditableParty = ExportParty>({
  parties,
  onChange,
  roles = TRANSACTION_ROLES as P['role'][],
  newParty = NEW_TRANSACTION_PARTY as unknown as P,
  note = 'Every party is screened against the restricted-party lists when you assess.',
  nameRequired = false,
}: {
  parties: P[];
  onChange: (p: P[]) => void;
  roles?: P['role'][];
  newParty?: P;
  note?: string;
  nameRequired?: boolean;
}) {
  const set = (i: number, patch: Partial<P>) => onChange(updateAt(parties, i, patch));
  return (
    <div className="stack">
      {note ? <p className="muted">{note}</p> : null}
      {parties.map((p, i) => (
        <fieldset key={i} className="party-editor">
          <legend>Party {i + 1}</legend>
          <div className="field-row">
            <label className="field">
              <span>Role</span>
              <select
                name={`party-${i + 1}-role`}
                value={p.role}
                onChange={(e) => set(i, { role: e.target.value } as Partial<P>)}
              >
                {roles.map((r) => (
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
                onChange={(e) => set(i, { name: e.target.value } as Partial<P>)}
                required={nameRequired}
              />
            </label>
            <label className="field">
              <span>Country</span>
              <input
                name={`party-${i + 1}-country`}
                value={p.country ?? ''}
                maxLength={2}
                size={4}
                onChange={(e) => set(i, { country: e.target.value.toUpperCase() } as Partial<P>)}
              />
            </label>
          </div>
          <label className="field">
            <span>Address (optional)</span>
            <input
              name={`party-${i + 1}-address`}
              value={p.address ?? ''}
              onChange={(e) => set(i, { address: e.target.value } as Partial<P>)}
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
      <button type="button" className="btn" onClick={() => onChange([...parties, { ...newParty }])}>
        Add a party
      </button>
    </div>
  );
}
