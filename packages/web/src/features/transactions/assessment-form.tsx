import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { AssessmentRecord, ExportParty, TransactionInput } from '../../api/licensing-types.ts';
import { ErrorMessage } from '../../components/states.tsx';
import { navigate } from '../../router.ts';
import { EMPTY_ITEM, ItemEditor, type ItemDraft } from './item-editor.tsx';
import { PartiesEditor } from './parties-editor.tsx';
import { RED_FLAGS } from './red-flags.ts';

const STEPS = ['Items', 'Parties', 'Route and end use', 'Review'] as const;

/** Why a step cannot be left yet, or undefined when it is complete. */
function problemOf(step: number, items: ItemDraft[], parties: ExportParty[]): string | undefined {
  if (step === 0) {
    const bad = items.findIndex((i) => !i.description.trim() || !/^[A-Za-z]{2}$/.test(i.origin.trim()));
    return bad >= 0 ? `Item ${bad + 1} needs a description and a two-letter origin country.` : undefined;
  }
  if (step === 1) {
    if (!parties.some((p) => p.role === 'consignee' || p.role === 'end-user'))
      return 'Add the consignee or the end user.';
    const bad = parties.findIndex((p) => !p.name.trim() || !/^[A-Za-z]{2}$/.test(p.country.trim()));
    return bad >= 0 ? `Party ${bad + 1} needs a name and a two-letter country.` : undefined;
  }
  return undefined;
}

function transactionOf(
  ref: string,
  items: ItemDraft[],
  parties: ExportParty[],
  route: string,
  endUse: string,
  flags: string[],
): TransactionInput {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    ...(ref.trim() ? { id: ref.trim() } : {}),
    items: items.map((i) => {
      const classifications = Object.fromEntries(Object.entries(i.classifications).filter(([, v]) => v));
      const share = num(i.usContentShare);
      return {
        description: i.description.trim(),
        origin: i.origin.trim().toUpperCase(),
        ...(Object.keys(classifications).length ? { classifications } : {}),
        ...(num(i.value) !== undefined ? { value: num(i.value) } : {}),
        ...(num(i.quantity) !== undefined ? { quantity: num(i.quantity) } : {}),
        ...(share !== undefined ? { usContentShare: share / 100 } : {}),
      };
    }),
    parties: parties.map(({ address, ...p }) => ({
      ...p,
      name: p.name.trim(),
      country: p.country.trim().toUpperCase(),
      ...(address?.trim() ? { address: address.trim() } : {}),
    })),
    ...(route.trim()
      ? {
          route: route
            .split(/[\s,;>→-]+/)
            .filter(Boolean)
            .map((c) => c.toUpperCase()),
        }
      : {}),
    ...(endUse.trim() ? { endUse: endUse.trim() } : {}),
    ...(flags.length ? { indicators: flags } : {}),
  };
}

/** The step-by-step assessment form: items, parties, route and end use, review; then the decision record. */
export function AssessmentForm() {
  const [step, setStep] = useState(0);
  const [ref, setRef] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([{ ...EMPTY_ITEM }]);
  const [parties, setParties] = useState<ExportParty[]>([
    { role: 'exporter', name: '', country: '' },
    { role: 'consignee', name: '', country: '' },
  ]);
  const [route, setRoute] = useState('');
  const [endUse, setEndUse] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);

  const go = (to: number) => {
    for (let s = step; s < to; s++) {
      const p = problemOf(s, items, parties);
      if (p) {
        setStep(s);
        setProblem(p);
        return;
      }
    }
    setProblem(undefined);
    setStep(to);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (step < STEPS.length - 1) return go(step + 1);
    setBusy(true);
    setError(undefined);
    try {
      const record = await api<AssessmentRecord>(
        'POST',
        '/assess',
        transactionOf(ref, items, parties, route, endUse, flags),
      );
      navigate(['transactions', 'records', record.id]);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };

  const tx = transactionOf(ref, items, parties, route, endUse, flags);
  return (
    <form className="panel wizard" onSubmit={submit} aria-label="Assess a transaction" noValidate>
      <ol className="stepper">
        {STEPS.map((s, i) => (
          <li key={s} className={i === step ? 'current' : i < step ? 'done' : undefined}>
            <button type="button" onClick={() => go(i)} aria-current={i === step ? 'step' : undefined}>
              <span className="step-n">{i + 1}</span> {s}
            </button>
          </li>
        ))}
      </ol>
      <h2 className="step-title">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {step === 0 ? (
        <>
          {items.map((it, i) => (
            <ItemEditor
              key={i}
              index={i}
              item={it}
              onChange={(n) => setItems(items.map((x, k) => (k === i ? n : x)))}
              {...(items.length > 1 ? { onRemove: () => setItems(items.filter((_, k) => k !== i)) } : {})}
            />
          ))}
          <button type="button" className="btn" onClick={() => setItems([...items, { ...EMPTY_ITEM }])}>
            Add another item
          </button>
        </>
      ) : null}
      {step === 1 ? <PartiesEditor parties={parties} onChange={setParties} /> : null}
      {step === 2 ? (
        <>
          <label className="field">
            <span>Route (countries in order, from export to destination)</span>
            <input
              name="route"
              value={route}
              onChange={(e) => setRoute(e.target.value)}
              placeholder="e.g. DE, AE, CN"
            />
          </label>
          <label className="field">
            <span>Declared end use</span>
            <textarea
              name="endUse"
              rows={3}
              value={endUse}
              onChange={(e) => setEndUse(e.target.value)}
              placeholder="What will the end user do with the items?"
            />
          </label>
          <label className="field">
            <span>Your reference (optional)</span>
            <input
              name="reference"
              value={ref}
              onChange={(e) => setRef(e.target.value)}
              placeholder="order or shipment number"
            />
          </label>
          <fieldset className="flags">
            <legend>Red flags you noticed (BIS “know your customer” guidance)</legend>
            {Object.entries(RED_FLAGS).map(([id, text]) => (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={flags.includes(id)}
                  onChange={(e) =>
                    setFlags(e.target.checked ? [...flags, id] : flags.filter((f) => f !== id))
                  }
                />
                {text}
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
      {step === 3 ? <ReviewStep tx={tx} /> : null}
      {problem ? (
        <div className="form-error" role="alert">
          {problem}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="btn-row wizard-nav">
        {step > 0 ? (
          <button type="button" className="btn" onClick={() => go(step - 1)}>
            Back
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {step < STEPS.length - 1 ? 'Next' : busy ? 'Assessing…' : 'Assess transaction'}
        </button>
      </div>
    </form>
  );
}

function ReviewStep({ tx }: { tx: TransactionInput }) {
  return (
    <dl className="record-grid review">
      <dt>Items</dt>
      <dd>
        <ul className="plain">
          {tx.items.map((i, k) => (
            <li key={k}>
              {i.description} ({i.origin}){' '}
              {Object.entries(i.classifications ?? {}).map(([j, c]) => (
                <code key={j} className="chip">
                  {j}:{c}
                </code>
              ))}
            </li>
          ))}
        </ul>
      </dd>
      <dt>Parties</dt>
      <dd>
        <ul className="plain">
          {tx.parties.map((p, k) => (
            <li key={k}>
              {p.role}: {p.name} ({p.country})
            </li>
          ))}
        </ul>
      </dd>
      <dt>Route</dt>
      <dd>{tx.route?.join(' → ') ?? <span className="muted">not given</span>}</dd>
      <dt>End use</dt>
      <dd>{tx.endUse ?? <span className="muted">not given</span>}</dd>
      <dt>Red flags</dt>
      <dd>
        {tx.indicators?.length ? tx.indicators.join(', ') : <span className="muted">none declared</span>}
      </dd>
    </dl>
  );
}
