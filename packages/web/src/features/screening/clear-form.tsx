import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Clearance, ScreeningMatch, ScreenSubject } from '../../api/types.ts';
import { ErrorMessage } from '../../components/states.tsx';

/** What is cleared: one matched listing, or a resolved subject with every listing it has now. */
export type ClearTarget =
  | { kind: 'listing'; match: ScreeningMatch }
  | { kind: 'subject'; subjectId: string; name: string; matched: number };

/** Records a listing or a whole subject as a false positive for the screened name, with a reason. */
export function ClearForm({
  subject,
  target,
  onDone,
  onCancel,
}: {
  subject: ScreenSubject;
  target: ClearTarget;
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
        ...(target.kind === 'listing'
          ? { entityId: target.match.entityId }
          : { subjectId: target.subjectId }),
        reason: reason.trim(),
      });
      onDone(c);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  const name = target.kind === 'listing' ? target.match.name : target.name;
  return (
    <form className="clear-form" onSubmit={submit} aria-label={`Clear ${name} as a false positive`}>
      <h3>
        {target.kind === 'listing' ? 'Clear as a false positive' : 'Clear this subject as a false positive'}
      </h3>
      <p className="muted small">
        {target.kind === 'listing' ? (
          <>
            “{subject.name}” is not {name} ({target.match.entityId}).
          </>
        ) : (
          <>
            “{subject.name}” is not {name}: this clears every listing the subject has now ({target.matched}{' '}
            matched here). A listing added to the subject later is not cleared: it shows again, marked as a
            new listing of a cleared subject.
          </>
        )}{' '}
        The clearance is kept on record with your name, applies to your organisation’s screenings only, and
        expires in one year.
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
