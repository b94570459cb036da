import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Clearance, ScreeningMatch, ScreenSubject } from '../../api/types.ts';
import { ErrorMessage } from '../../components/states.tsx';

/** Records a match as a false positive for the screened subject, with a reason. */
export function ClearForm({
  subject,
  match,
  onDone,
  onCancel,
}: {
  subject: ScreenSubject;
  match: ScreeningMatch;
  onDone: (c: Clearance) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const c = await api<Clearance>('POST', '/clearances', {
        subject: {
          name: subject.name,
          ...(subject.country ? { country: subject.country } : {}),
          ...(subject.birthDate ? { birthDate: subject.birthDate } : {}),
        },
        entityId: match.entityId,
        reason: reason.trim(),
      });
      onDone(c);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <form className="clear-form" onSubmit={submit} aria-label={`Clear ${match.name} as a false positive`}>
      <h3>Clear as a false positive</h3>
      <p className="muted small">
        “{subject.name}” is not {match.name} ({match.entityId}). The clearance is kept on record with your
        name, applies to your organisation’s screenings only, and expires in one year.
      </p>
      <label className="field">
        <span>Reason</span>
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. Different date of birth and nationality on the customer's passport"
          required
          minLength={3}
        />
      </label>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={busy || reason.trim().length < 3}>
          {busy ? 'Saving…' : 'Record clearance'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
