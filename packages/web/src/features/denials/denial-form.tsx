import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { SHARING_GROUPS, type Denial, type DenialParty, type DeniedItem } from '../../api/sharing-types.ts';
import { ErrorMessage } from '../../components/states.tsx';
import { navigate } from '../../router.ts';
import { updateAt } from '../../components/update-at.ts';
import { PartiesEditor } from '../transactions/parties-editor.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const DENIAL_ROLES: DenialParty['role'][] = ['consignee', 'end-user', 'third-party'];

/** The form that notifies a denial to allies through the chosen regimes. */
export function DenialForm() {
  const [reference, setReference] = useState('');
  const [deniedOn, setDeniedOn] = useState(today());
  const [destination, setDestination] = useState('');
  const [items, setItems] = useState<DeniedItem[]>([{ code: '', list: 'EU', description: '' }]);
  const [parties, setParties] = useState<DenialParty[]>([{ role: 'end-user', name: '', country: '' }]);
  const [endUse, setEndUse] = useState('');
  const [reason, setReason] = useState('');
  const [regimes, setRegimes] = useState<string[]>(['WA']);
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const d = await api<Denial>('POST', '/denials', {
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        deniedOn,
        destination: destination.trim().toUpperCase(),
        items: items.map((i) => ({
          code: i.code.trim(),
          ...(i.list ? { list: i.list } : {}),
          description: i.description.trim(),
        })),
        parties: parties.map((p) => ({
          role: p.role,
          name: p.name.trim(),
          ...(p.country?.trim() ? { country: p.country.trim().toUpperCase() } : {}),
          ...(p.address?.trim() ? { address: p.address.trim() } : {}),
        })),
        endUse: endUse.trim(),
        reason: reason.trim(),
        scope: { regimes, agencies: [] },
      });
      navigate(['denials', 'denial', d.id]);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-label="Notify a denial">
      <div className="field-row">
        <label className="field">
          <span>Your reference</span>
          <input name="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
        <label className="field">
          <span>Denied on</span>
          <input
            name="deniedOn"
            type="date"
            value={deniedOn}
            onChange={(e) => setDeniedOn(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Destination country</span>
          <input
            name="destination"
            value={destination}
            maxLength={2}
            size={4}
            onChange={(e) => setDestination(e.target.value)}
            placeholder="e.g. IR"
            required
          />
        </label>
      </div>
      {items.map((it, i) => (
        <fieldset key={i} className="item-editor">
          <legend>Item {i + 1}</legend>
          <div className="field-row">
            <label className="field">
              <span>List</span>
              <select
                value={it.list ?? ''}
                onChange={(e) => setItems(updateAt(items, i, { list: e.target.value }))}
              >
                {['EU', 'US', 'UK', 'JP', 'WA', 'MTCR', 'NSG', 'AG'].map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Control entry</span>
              <input
                name={`item-${i + 1}-code`}
                value={it.code}
                onChange={(e) => setItems(updateAt(items, i, { code: e.target.value }))}
                placeholder="e.g. 2B001"
                required
              />
            </label>
            <label className="field grow">
              <span>Description</span>
              <input
                name={`item-${i + 1}-description`}
                value={it.description}
                onChange={(e) => setItems(updateAt(items, i, { description: e.target.value }))}
              />
            </label>
          </div>
        </fieldset>
      ))}
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setItems([...items, { code: '', list: 'EU', description: '' }])}
        >
          Add an item
        </button>
      </div>
      <PartiesEditor
        parties={parties}
        onChange={setParties}
        roles={DENIAL_ROLES}
        newParty={{ role: 'consignee', name: '', country: '' }}
        note="Denied parties become screenable for the allies the denial is shared with."
        nameRequired
      />
      <label className="field">
        <span>Stated end use</span>
        <textarea name="endUse" rows={2} value={endUse} onChange={(e) => setEndUse(e.target.value)} />
      </label>
      <label className="field">
        <span>Reason for denial</span>
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          placeholder="e.g. Risk of diversion to a WMD programme"
        />
      </label>
      <fieldset className="checks-inline">
        <legend>Share through</legend>
        {SHARING_GROUPS.map((g) => (
          <label key={g} className="check">
            <input
              type="checkbox"
              checked={regimes.includes(g)}
              onChange={(e) =>
                setRegimes(e.target.checked ? [...regimes, g] : regimes.filter((r) => r !== g))
              }
            />
            {g}
          </label>
        ))}
      </fieldset>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Notifying…' : 'Notify denial'}
        </button>
      </div>
    </form>
  );
}
