import { createHash } from 'node:crypto';
import {
  buildScreeningIndex,
  clearedListings,
  counterpartyAsParty,
  ScreeningIndex,
  counterpartyQueries,
  emptyRunCounts,
  NO_SUBJECTS,
  mergeCounterpartyMatches,
  reconcileHits,
  type Clearance,
  type MonitorHit,
  type MonitorRun,
  type MonitorRunCounts,
  type NameReference,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningQuery,
  type SubjectView,
} from '@entente/core';
import type { RegisterEntry } from './register-store.ts';
import type { RunAlert, RunOutcome, StoredHit } from './monitor-records.ts';
import { raiseAlerts } from './raise-alerts.ts';
import { forwardCandidates } from './forward-candidates.ts';

/**
 * Matches kept per counterparty name: all of them at or above the screening threshold. A
 * top-n cut would make a hit on one listed party depend on the others the name matches: a
 * party listed elsewhere would push a hit out (a `gone` alert that nothing caused), and the
 * delta, which scores the changed parties only, would differ from a full re-screen.
 */
export const MONITOR_MATCH_LIMIT = Number.POSITIVE_INFINITY;
/** Subjects per `matchMany` call (a message to a worker), and calls in flight. */
const CHUNK = 100;
const IN_FLIGHT = 8;

/** Screens subjects in chunks (in worker threads when the screening service has them). */
export type MatchMany = (queries: ScreeningQuery[], options: ScreeningOptions) => Promise<ScreeningMatch[][]>;

/** What a run reads: the list index, the register, the stored hits, clearances and undecided alerts. */
export interface RunInputs {
  index: ScreeningIndex;
  matchMany: MatchMany;
  reference: NameReference;
  register: RegisterEntry[];
  /** Counterparties to screen against every list. */
  screenAll: ReadonlySet<string> | 'everyone';
  /** Listed parties added or changed since the last run, and those removed. */
  changedParties: ReadonlySet<string>;
  removedParties: ReadonlySet<string>;
  stored: StoredHit[];
  clearances: Clearance[];
  /** The organisation's hit alerts in any state (the undecided are updated, not raised again). */
  alerts: readonly RunAlert[];
  /** The current resolution of listings into subjects (none: every listing is its own subject). */
  subjects?: SubjectView;
  /**
   * Instead of `subjects`: reads the resolution of these listings once the run knows them (a
   * delta reads the subjects of the hits it compares and finds, not of every listing).
   */
  readSubjects?: (entityIds: ReadonlySet<string>) => Promise<SubjectView>;
  /**
   * The counterparties the changed listed parties may hit (`candidateCounterparties`), when the
   * caller found them already (a delta does, to read only their stored state).
   */
  candidates?: ReadonlySet<string>;
  /** The register index of an earlier run at the same register position, reused when given. */
  registerIndex?: ScreeningIndex;
  now: Date;
  onProgress: (done: number, total: number, counts: MonitorRunCounts) => Promise<void> | void;
  /** Told as the screening ends (`scored`) and as the alerts are raised (`raised`), for benchmarks. */
  onStep?: (step: 'scored' | 'raised') => void;
}

/** Builds the register's own index (counterparties as parties of the `register` source). */
export function buildRegisterIndex(register: RegisterEntry[], reference: NameReference): ScreeningIndex {
  return buildScreeningIndex(
    register.map((c) => ({ party: counterpartyAsParty(c) })),
    reference,
  );
}

/**
 * As `buildRegisterIndex`, giving the event loop a turn every 500 counterparties: a server builds
 * it in the background after its start, so that the first delta after a list update does not
 * pay for it (6 s of CPU for 100,000 counterparties) and requests are answered meanwhile.
 */
export async function buildRegisterIndexSoon(
  register: RegisterEntry[],
  reference: NameReference,
): Promise<ScreeningIndex> {
  const index = new ScreeningIndex(reference);
  for (let i = 0; i < register.length; i++) {
    index.add(counterpartyAsParty(register[i]!));
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  index.prepare();
  return index;
}

/**
 * The counterparties a changed listed party may hit: those that can score at or above the
 * threshold screened forwards (`forwardCandidates`), plus every counterparty that hit it before.
 */
export function candidateCounterparties(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  changed: ReadonlySet<string>,
  stored: Iterable<Pick<MonitorHit, 'counterpartyId' | 'entityId'>>,
): Set<string> {
  const out = forwardCandidates(index, registerIndex, changed);
  for (const h of stored) if (changed.has(h.entityId)) out.add(h.counterpartyId);
  return out;
}

function partyHashOf(index: ScreeningIndex, entityId: string, memo: Map<string, string>): string {
  let h = memo.get(entityId);
  if (h === undefined) {
    const party = index.get(entityId)?.party;
    h = createHash('sha1')
      .update(JSON.stringify(party ?? null))
      .digest('hex');
    memo.set(entityId, h);
  }
  return h;
}

/**
 * One monitoring run, computed: screens what can have changed (every counterparty in
 * `screenAll` against every list; the candidates of the changed listed parties against
 * those parties only, with `ScreeningOptions.entities`), compares with the stored hits in
 * that scope, and turns new, changed and gone hits into alerts, one per counterparty and
 * subject (`raiseAlerts`). A hit an active clearance (false positive) covers raises none; a
 * counterparty and subject with an undecided alert update that alert instead of raising another.
 */
export async function runMonitoring(
  inputs: RunInputs,
): Promise<{ outcome: RunOutcome; counts: MonitorRunCounts; registerIndex?: ScreeningIndex }> {
  const { index, register, changedParties, removedParties, screenAll } = inputs;
  const counts = emptyRunCounts();
  const byId = new Map(register.map((c) => [c.id, c]));
  const everyone = screenAll === 'everyone';
  let registerIndex = inputs.registerIndex;
  const toScreen = new Set<string>(everyone ? byId.keys() : screenAll);
  if (!everyone && changedParties.size > 0) {
    if (!inputs.candidates) registerIndex ??= buildRegisterIndex(register, inputs.reference);
    for (const id of inputs.candidates ??
      candidateCounterparties(index, registerIndex!, changedParties, inputs.stored))
      toScreen.add(id);
    counts.partiesScreened = changedParties.size;
  }
  const subjects = [...toScreen].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const isFully = (id: string) => everyone || (screenAll as ReadonlySet<string>).has(id);
  // A candidate of the changed listed parties is scored against those parties only, within the
  // whole index (its candidates and token weights): each score is the one a full screening gives.
  const queries: { cp: number; q: ScreeningQuery; only: boolean }[] = subjects.flatMap((c, cp) =>
    counterpartyQueries(c).map((q) => ({ cp, q, only: !isFully(c.id) })),
  );
  const perCp: ScreeningMatch[][][] = subjects.map(() => []);
  // Counterparties that share a name (and its type, country, identifiers) are screened once: the
  // same query with the same options finds the same matches, so each of them gets that result.
  const distinct = new Map<string, { q: ScreeningQuery; only: boolean; cps: number[] }>();
  for (const { cp, q, only } of queries) {
    const key = `${only ? 1 : 0}${JSON.stringify(q)}`;
    const seen = distinct.get(key);
    if (seen) seen.cps.push(cp);
    else distinct.set(key, { q, only, cps: [cp] });
  }
  let done = 0;
  const chunks: { q: ScreeningQuery; only: boolean; cps: number[] }[][] = [];
  for (const only of [false, true]) {
    const group = [...distinct.values()].filter((x) => x.only === only);
    for (let i = 0; i < group.length; i += CHUNK) chunks.push(group.slice(i, i + CHUNK));
  }
  const full: ScreeningOptions = { limit: MONITOR_MATCH_LIMIT };
  const restricted: ScreeningOptions = { limit: MONITOR_MATCH_LIMIT, entities: changedParties };
  let next = 0;
  let lastReport = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const results = await inputs.matchMany(
        chunk.map((x) => x.q),
        chunk[0]!.only ? restricted : full,
      );
      for (const [k, x] of chunk.entries()) for (const cp of x.cps) perCp[cp]!.push(results[k]!);
      done += chunk.reduce((n, x) => n + x.cps.length, 0);
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await inputs.onProgress(done, queries.length, counts);
      }
      // Lets the server answer requests between chunks when screening runs in process.
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  inputs.onStep?.('scored');
  counts.counterpartiesScreened = subjects.length;
  const memo = new Map<string, string>();
  const fresh: StoredHit[] = [];
  subjects.forEach((c, i) => {
    const fully = isFully(c.id);
    for (const m of mergeCounterpartyMatches(perCp[i]!)) {
      if (!fully && !changedParties.has(m.entityId)) continue;
      fresh.push({
        counterpartyId: c.id,
        entityId: m.entityId,
        score: m.score,
        partyHash: partyHashOf(index, m.entityId, memo),
        counterpartyVersion: c.version,
        ...(m.versionId !== undefined ? { listVersionId: m.versionId } : {}),
        match: {
          listedName: m.name,
          matchedName: m.matchedName,
          features: m.features,
          explanation: m.explanation,
          programs: m.programs,
          source: m.source,
        },
      });
    }
  });
  const screened = new Set(subjects.map((c) => c.id));
  const changes = reconcileHits(
    inputs.stored,
    fresh,
    (h) =>
      everyone ||
      (screenAll as ReadonlySet<string>).has(h.counterpartyId) ||
      removedParties.has(h.entityId) ||
      (changedParties.has(h.entityId) && screened.has(h.counterpartyId)),
  );
  const outcome: RunOutcome = {
    upsertHits: [],
    deleteHits: [],
    newAlerts: [],
    updatedAlerts: [],
    positions: {},
  };
  const view = inputs.readSubjects
    ? await inputs.readSubjects(
        new Set([
          ...inputs.stored.map((h) => h.entityId),
          ...fresh.map((h) => h.entityId),
          ...inputs.alerts.map((a) => a.entityId),
          ...removedParties,
          ...inputs.clearances.flatMap((c) => clearedListings(c)),
        ]),
      )
    : (inputs.subjects ?? NO_SUBJECTS);
  raiseAlerts(outcome, counts, {
    register: byId,
    stored: inputs.stored,
    fresh,
    changes,
    removedParties,
    clearances: inputs.clearances,
    alerts: inputs.alerts,
    subjects: view,
    now: inputs.now,
  });
  inputs.onStep?.('raised');
  await inputs.onProgress(done, queries.length, counts);
  return { outcome, counts, ...(registerIndex ? { registerIndex } : {}) };
}

/** The positions a run brings an organisation to, as `source@version,…|register@seq`. */
export function runTarget(versions: { source: string; id: number }[], registerPosition: number): string {
  return (
    [...versions]
      .sort((a, b) => a.source.localeCompare(b.source))
      .map((v) => `${v.source}@${v.id}`)
      .join(',') + `|register@${registerPosition}`
  );
}

export type { MonitorRun };
