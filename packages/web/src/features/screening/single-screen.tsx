import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { ScreenResponse, ScreenSubject, SubjectType } from '../../api/types.ts';
import { Empty, ErrorMessage, Loading } from '../../components/states.tsx';
import type { Route } from '../../router.ts';
import { MatchCard } from './match-card.tsx';
import { SubjectHead, type SubjectGroup } from './subject-head.tsx';
import { SourcePicker } from './source-picker.tsx';
import { CANDIDATE_CAP, DEFAULT_SCREENING_THRESHOLD, unscoredNote } from '@entente/core';

/** The one-name screening form and its ranked, explained results. */
export function SingleScreen({ route }: { route: Route }) {
  const [name, setName] = useState(route.query.get('name') ?? '');
  const [type, setType] = useState<SubjectType | ''>('');
  const [country, setCountry] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sources, setSources] = useState<string[]>([]);
  const [threshold, setThreshold] = useState(String(DEFAULT_SCREENING_THRESHOLD));
  const [result, setResult] = useState<
    { subject: ScreenSubject; res: ScreenResponse; candidateCap?: number } | undefined
  >();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);

  // A new search from the form scores the default number of candidates; a re-run (after a
  // clearance) keeps the cap of the screening it repeats; "Score them all" asks for the most.
  const submit = async (e?: FormEvent, candidateCap = e ? undefined : result?.candidateCap) => {
    e?.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(undefined);
    const subject: ScreenSubject = {
      name: name.trim(),
      ...(type ? { type } : {}),
      ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
      ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}),
    };
    try {
      const res = await api<ScreenResponse>('POST', '/screen', {
        ...subject,
        ...(sources.length ? { sources } : {}),
        threshold: Number(threshold),
        limit: 25,
        ...(candidateCap ? { candidateCap } : {}),
      });
      setResult({ subject, res, ...(candidateCap ? { candidateCap } : {}) });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="split">
      <form className="panel form-panel" onSubmit={submit} aria-label="Screen a name">
        <label className="field">
          <span>Name</span>
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Person, company, vessel or aircraft"
            required
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Type</span>
            <select name="type" value={type} onChange={(e) => setType(e.target.value as SubjectType | '')}>
              <option value="">Any</option>
              <option value="person">Person</option>
              <option value="organization">Organisation</option>
              <option value="vessel">Vessel</option>
              <option value="aircraft">Aircraft</option>
            </select>
          </label>
          <label className="field">
            <span>Country</span>
            <input
              name="country"
              value={country}
              onChange={(e) => setCountry(e.target.value)}
              placeholder="e.g. RU"
              maxLength={2}
              size={4}
            />
          </label>
        </div>
        <label className="field">
          <span>Birth date</span>
          <input
            name="birthDate"
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          />
        </label>
        <label className="field">
          <span>Minimum score</span>
          <select name="threshold" value={threshold} onChange={(e) => setThreshold(e.target.value)}>
            <option value="0.5">0.50 (broad review)</option>
            <option value="0.7">0.70 (wider)</option>
            <option value={String(DEFAULT_SCREENING_THRESHOLD)}>
              {DEFAULT_SCREENING_THRESHOLD.toFixed(2)} (default, calibrated)
            </option>
            <option value="0.95">0.95 (strict)</option>
          </select>
        </label>
        <SourcePicker value={sources} onChange={setSources} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !name.trim()}>
          {busy ? 'Screening…' : 'Screen'}
        </button>
      </form>
      <section className="results" aria-label="Screening results" aria-busy={busy}>
        {error ? <ErrorMessage error={error} /> : null}
        {busy ? <Loading label="Screening against every list…" /> : null}
        {!busy && !error && !result ? (
          <Empty title="Screen a name">
            Enter a name and press Screen. Matches are ranked by score, each with why it matched.
          </Empty>
        ) : null}
        {!busy && result?.res.unscoredCandidates ? (
          <div className="state state-warn" role="status">
            {unscoredNote(result.res.unscoredCandidates.count, result.res.unscoredCandidates.atLeast)}.{' '}
            {result.candidateCap === CANDIDATE_CAP ? (
              <>
                {CANDIDATE_CAP.toLocaleString('en')} is the most scored: narrow the screening by type, country
                or list.
              </>
            ) : (
              <button type="button" className="btn" onClick={() => void submit(undefined, CANDIDATE_CAP)}>
                Score up to {CANDIDATE_CAP.toLocaleString('en')} candidates
              </button>
            )}
          </div>
        ) : null}
        {!busy && result ? (
          result.res.matches.length === 0 ? (
            <div className="state state-clear" role="status">
              <strong>No match</strong> for “{result.subject.name}” on{' '}
              {sources.length ? sources.join(', ') : 'any loaded list'} at score ≥ {threshold}.
            </div>
          ) : (
            <>
              <div className="results-head" role="status">
                <strong>{groupsOf(result.res).length}</strong>{' '}
                {groupsOf(result.res).length === 1 ? 'subject' : 'subjects'} ({result.res.matches.length}{' '}
                {result.res.matches.length === 1 ? 'listing' : 'listings'}) for “{result.subject.name}”
                {result.res.matches.some((m) => m.cleared) ? (
                  <span className="muted"> · cleared matches are marked</span>
                ) : null}
              </div>
              {groupsOf(result.res).map((g) => (
                <section key={g.subjectId} className="subject-group" aria-label={`Subject ${g.name}`}>
                  <SubjectHead group={g} subject={result.subject} onCleared={() => void submit()} />
                  <ol className="match-list">
                    {g.matches.map((m) => (
                      <MatchCard
                        key={m.entityId}
                        match={m}
                        subject={result.subject}
                        onCleared={() => void submit()}
                      />
                    ))}
                  </ol>
                </section>
              ))}
            </>
          )
        ) : null}
      </section>
    </div>
  );
}

/** The matches by subject, in the API's order (each listing alone when the API sent no grouping). */
function groupsOf(res: ScreenResponse): SubjectGroup[] {
  const byId = new Map(res.matches.map((m) => [m.entityId, m]));
  const groups =
    res.subjects ??
    res.matches.map((m) => ({ subjectId: m.entityId, name: m.name, score: m.score, listings: [m.entityId] }));
  return groups.map((g) => ({
    subjectId: g.subjectId,
    name: g.name,
    score: g.score,
    matches: g.listings.flatMap((id) => byId.get(id) ?? []),
  }));
}
