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
import { emptyRunOutcome, type RunAlert, type RunOutcome, type StoredHit } from './monitor-records.ts';
import { raiseAlerts } from './raise-alerts.ts';
import { forwardCandidates, irregularCounterparties } from './forward-candidates.ts';
import { ownershipLinked } from './add-ownership-alerts.ts';

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
/**
 * Calls in flight when a full run writes pages while it screens (`RunInputs.writePage`): 16 for
 * each of 2 workers (`MONITOR_PER_WORKER` in monitor-service.ts), about 1 s of screening each,
 * more than the main thread mostly goes without turning its event loop while it raises and
 * writes a page or collects its garbage (docs/decisions/2026-12-05-monitoring-pipeline.md). Not
 * otherwise: a delta scores its candidates in process, a chunk per call, and each call in flight
 * is screened before the first gives the event loop a turn.
 */
const IN_FLIGHT_WRITING = 32;

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
  /**
   * Matches of restricted queries (a delta's candidates against the changed parties) already
   * screened, by the key the run gives a distinct query (`DeltaSplit.keyOf`): a delta screened them
   * on two threads while it searched for its candidates (`DeltaSplit`). Taken in the run's chunk
   * order, as if screened here.
   */
  prescored?: ReadonlyMap<string, ScreeningMatch[]>;
  /**
   * A delta's read of the stored hits and alerts of more counterparties, once the screening is
   * done: of those with a fresh hit whose state is not in `stored` and `alerts` (which then hold
   * the state of `read` and `partial` only). A counterparty with neither a fresh hit nor a stored
   * hit on a changed or removed listed party, outside `screenAll`, uncleared and in no ownership
   * link, raises nothing and changes no hit whatever its stored state
   * (docs/decisions/2026-12-05-delta-scope-reads.md). `partial`: counterparties outside `read`
   * whose state in `stored` and `alerts` is the part on the listings of the changed and removed
   * parties' subjects, all that their alerts can be raised or updated from
   * (docs/decisions/2026-12-06-delta-partial-reads.md); `state` may read a counterparty the same way.
   */
  readMore?: {
    read: ReadonlySet<string>;
    partial?: ReadonlySet<string>;
    state: (counterpartyIds: ReadonlySet<string>) => Promise<{ stored: StoredHit[]; alerts: RunAlert[] }>;
  };
  /** The register index of an earlier run at the same register position, reused when given. */
  registerIndex?: ScreeningIndex;
  now: Date;
  onProgress: (done: number, total: number, counts: MonitorRunCounts) => Promise<void> | void;
  /** Told as the screening ends (`scored`) and as the alerts are raised (`raised`), for benchmarks. */
  onStep?: (step: 'scored' | 'raised') => void;
  /**
   * A full run's writer: the outcome of each page of counterparties whose screening is complete
   * (their hits reconciled, their alerts raised as the whole run raises them), written while the
   * workers screen the rest; awaited one page at a time. The returned outcome holds, of the pages
   * written, only the hits of counterparties in an ownership link (`ownershipLinked`: what
   * `addOwnershipAlerts` reads), and `written` says how much of it was given here (`unwritten`:
   * the caller writes the rest). Keeping every page's rows to the end grew the main thread's heap
   * with the run (docs/decisions/2026-12-05-monitoring-pipeline.md).
   * Ignored by a delta (it has `readSubjects`, and screens only what can have changed).
   */
  writePage?: (page: RunOutcome) => Promise<void>;
  /** Counterparties a page given to `writePage` closes at (`OVERLAP_PAGE` unless told), or `OVERLAP_ROWS` hits. */
  overlapPage?: number;
}

/** How many of each kind of row of a run's returned outcome `RunInputs.writePage` was given. */
export interface WrittenCounts {
  upsertHits: number;
  deleteHits: number;
  newAlerts: number;
  updatedAlerts: number;
}

/**
 * Hits (fresh and stored) a page given to `RunInputs.writePage` closes at: a statement each for
 * its hits, alerts and their events, ~0.1-0.3 s of PGlite on the main thread (more at load), less
 * than the chunks the workers hold (`IN_FLIGHT_WRITING`), so that they do not run dry while the main
 * thread writes; about 210 counterparties of the adversarial register.
 */
export const OVERLAP_ROWS = 500;
/**
 * Counterparties a page closes at when it has fewer hits: a register with few hits (the realistic
 * one: 6.5 %) would otherwise pay each statement's fixed cost for a handful of rows (pages of 200
 * counterparties cost it 4 s more of main-thread CPU at 100,000 than one write at the end).
 */
export const OVERLAP_PAGE = 5000;
/** Rows per statement of an overlapped page (`writeRunOutcome`'s `pageSize`). */
export const OVERLAP_WRITE_PAGE = 1000;

/** What was not yet given to `writePage`: the rows of `outcome` from `written` on. */
export function unwritten(outcome: RunOutcome, written: WrittenCounts | undefined): RunOutcome {
  if (!written) return outcome;
  return {
    upsertHits: outcome.upsertHits.slice(written.upsertHits),
    deleteHits: outcome.deleteHits.slice(written.deleteHits),
    newAlerts: outcome.newAlerts.slice(written.newAlerts),
    updatedAlerts: outcome.updatedAlerts.slice(written.updatedAlerts),
    positions: outcome.positions,
  };
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
 * it in the background after its start and after a run that leaves none for the register's
 * state, so that the first delta after a list update does not pay for it (6 s of CPU for 100,000
 * counterparties) and requests are answered meanwhile. Stops (rejects) once `signal` is aborted.
 */
export async function buildRegisterIndexSoon(
  register: RegisterEntry[],
  reference: NameReference,
  signal?: AbortSignal,
): Promise<ScreeningIndex> {
  const index = new ScreeningIndex(reference);
  for (let i = 0; i < register.length; i++) {
    index.add(counterpartyAsParty(register[i]!));
    if (i % 500 === 499) {
      await new Promise((r) => setImmediate(r));
      signal?.throwIfAborted();
    }
  }
  index.prepare();
  // What every delta's forward search reads of the register index, worked out once per index.
  irregularCounterparties(index);
  return index;
}

/**
 * A register entry's screening queries, kept while the entry lives (the monitor keeps a register's
 * entries per register state), so that the forward search's pairwise bound normalises each
 * counterparty's names once per register state (`forwardCandidates` keeps them per query).
 */
const entryQueries = new WeakMap<RegisterEntry, ScreeningQuery[]>();
export function queriesOfEntry(c: RegisterEntry): ScreeningQuery[] {
  let queries = entryQueries.get(c);
  if (!queries) entryQueries.set(c, (queries = counterpartyQueries(c)));
  return queries;
}

/**
 * The counterparties a changed listed party may hit: those that can score at or above the
 * threshold screened forwards (`forwardCandidates`, each counterparty of `register` checked
 * with the name-score bound against the changed names that reached it), plus every
 * counterparty that hit it before.
 */
export function candidateCounterparties(
  index: ScreeningIndex,
  registerIndex: ScreeningIndex,
  changed: ReadonlySet<string>,
  stored: Iterable<Pick<MonitorHit, 'counterpartyId' | 'entityId'>>,
  register?: ReadonlyMap<string, RegisterEntry>,
  onFound?: (counterpartyId: string) => void,
): Set<string> {
  const out = forwardCandidates(
    index,
    registerIndex,
    changed,
    undefined,
    register &&
      ((id) => {
        const c = register.get(id);
        return c && queriesOfEntry(c);
      }),
    onFound,
  );
  for (const h of stored)
    if (changed.has(h.entityId) && !out.has(h.counterpartyId)) {
      out.add(h.counterpartyId);
      onFound?.(h.counterpartyId);
    }
  return out;
}

/**
 * The SHA-1 of a listed party's JSON, once per entity and run. An entry read from the index
 * snapshot's columns holds that JSON already (`partyJson`, the UTF-8 of `JSON.stringify(party)`
 * as stored): it is hashed as it is, the same bytes as stringifying the party parsed from it,
 * without parsing it into a party the run does not otherwise read
 * (docs/decisions/2026-12-07-monitoring-party-hash-bytes.md).
 */
export function partyHashOf(index: ScreeningIndex, entityId: string, memo: Map<string, string>): string {
  let h = memo.get(entityId);
  if (h === undefined) {
    const entry = index.get(entityId);
    const json = entry && 'partyJson' in entry ? (entry.partyJson as Uint8Array) : undefined;
    h = createHash('sha1')
      .update(json ?? JSON.stringify(entry?.party ?? null))
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
export async function runMonitoring(inputs: RunInputs): Promise<{
  outcome: RunOutcome;
  counts: MonitorRunCounts;
  registerIndex?: ScreeningIndex;
  written?: WrittenCounts;
}> {
  const { index, register, changedParties, removedParties, screenAll } = inputs;
  const counts = emptyRunCounts();
  const byId = new Map(register.map((c) => [c.id, c]));
  const everyone = screenAll === 'everyone';
  let registerIndex = inputs.registerIndex;
  const toScreen = new Set<string>(everyone ? byId.keys() : screenAll);
  if (!everyone && changedParties.size > 0) {
    if (!inputs.candidates) registerIndex ??= buildRegisterIndex(register, inputs.reference);
    for (const id of inputs.candidates ??
      candidateCounterparties(index, registerIndex!, changedParties, inputs.stored, byId))
      toScreen.add(id);
    counts.partiesScreened = changedParties.size;
  }
  const subjects = [...toScreen].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const isFully = (id: string) => everyone || (screenAll as ReadonlySet<string>).has(id);
  // A candidate of the changed listed parties is scored against those parties only, within the
  // whole index (its candidates and token weights): each score is the one a full screening gives.
  // A delta screens the query objects its forward search bounded (`queriesOfEntry`): in process,
  // the screening finds their variants prepared against the index as it stands. A full run makes
  // its own (the register's every query kept with its entry would outlive the run).
  const queriesOf = everyone ? counterpartyQueries : queriesOfEntry;
  const queries: { cp: number; q: ScreeningQuery; only: boolean }[] = subjects.flatMap((c, cp) =>
    queriesOf(c).map((q) => ({ cp, q, only: !isFully(c.id) })),
  );
  const perCp: ScreeningMatch[][][] = subjects.map(() => []);
  // Counterparties that share a name (and its type, country, identifiers) are screened once: the
  // same query with the same options finds the same matches, so each of them gets that result.
  const distinct = new Map<string, { key: string; q: ScreeningQuery; only: boolean; cps: number[] }>();
  for (const { cp, q, only } of queries) {
    const key = `${only ? 1 : 0}${JSON.stringify(q)}`;
    const seen = distinct.get(key);
    if (seen) seen.cps.push(cp);
    else distinct.set(key, { key, q, only, cps: [cp] });
  }
  const prescored = everyone ? undefined : inputs.prescored;
  const outcome = emptyRunOutcome();
  const memo = new Map<string, string>();
  const freshOf = (i: number, fresh: StoredHit[]) => {
    const c = subjects[i]!;
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
  };
  // A full run given a writer raises and writes each page of counterparties as their screening
  // completes: in a full run every counterparty's hits, and the alerts they raise, depend on its
  // own stored hits and alerts only (`raiseAlerts` groups by counterparty and subject).
  const overlap =
    everyone && inputs.writePage && inputs.subjects && !inputs.readSubjects ? inputs.writePage : undefined;
  const overlapped = overlap ? new OverlappedRaise(inputs, outcome, counts, overlap) : undefined;
  const remaining = new Int32Array(subjects.length);
  for (const { cp } of queries) remaining[cp]!++;
  if (overlapped)
    for (const [i, n] of remaining.entries()) if (n === 0) overlapped.ready(subjects[i]!.id, []);
  let done = 0;
  const chunks: { key: string; q: ScreeningQuery; only: boolean; cps: number[] }[][] = [];
  for (const only of [false, true]) {
    const group = [...distinct.values()].filter((x) => x.only === only);
    for (let i = 0; i < group.length; i += CHUNK) chunks.push(group.slice(i, i + CHUNK));
  }
  const full: ScreeningOptions = { limit: MONITOR_MATCH_LIMIT };
  const restricted: ScreeningOptions = { limit: MONITOR_MATCH_LIMIT, entities: changedParties };
  let next = 0;
  let lastReport = 0;
  // Without a writer, each chunk's results are taken in the chunks' order once all are screened:
  // chunks screened in two places (`ScreeningService.matchBeside`) end in any order, and a
  // counterparty's names' results are merged in the order they come (`mergeCounterpartyMatches`).
  const byChunk: ScreeningMatch[][][] = [];
  const take = (chunk: (typeof chunks)[number], results: ScreeningMatch[][]) => {
    for (const [k, x] of chunk.entries())
      for (const cp of x.cps) {
        perCp[cp]!.push(results[k]!);
        if (overlapped && --remaining[cp]! === 0) {
          const fresh: StoredHit[] = [];
          freshOf(cp, fresh);
          perCp[cp] = [];
          overlapped.ready(subjects[cp]!.id, fresh);
        }
      }
  };
  const worker = async () => {
    while (next < chunks.length) {
      const at = next++;
      const chunk = chunks[at]!;
      // What a split delta screened already (`prescored`) is taken as it is; the rest screened here.
      const known = chunk[0]!.only && prescored ? chunk.map((x) => prescored.get(x.key)) : undefined;
      const missing = known ? chunk.filter((_, k) => known[k] === undefined) : chunk;
      const screened =
        missing.length > 0
          ? await inputs.matchMany(
              missing.map((x) => x.q),
              chunk[0]!.only ? restricted : full,
            )
          : [];
      let m = 0;
      const results = known ? known.map((r) => r ?? screened[m++]!) : screened;
      if (overlapped) take(chunk, results);
      else byChunk[at] = results;
      done += chunk.reduce((n, x) => n + x.cps.length, 0);
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await inputs.onProgress(done, queries.length, counts);
      }
      // Lets the server answer requests between chunks when screening runs in process.
      await new Promise((r) => setImmediate(r));
    }
  };
  const screening = Promise.all(Array.from({ length: overlapped ? IN_FLIGHT_WRITING : IN_FLIGHT }, worker));
  if (overlapped) {
    // The writer is settled before the run returns or throws (its transaction is then the caller's to end).
    const screened = await screening.then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    overlapped.stop(screened !== undefined);
    await overlapped.settled();
    if (screened) throw screened.error;
    inputs.onStep?.('scored');
    counts.counterpartiesScreened = subjects.length;
    // Counterparties gone from the register: their stored hits are gone (the whole set is known now).
    await overlapped.finish(new Set(subjects.map((c) => c.id)));
    inputs.onStep?.('raised');
    await inputs.onProgress(done, queries.length, counts);
    return { outcome, counts, written: overlapped.written, ...(registerIndex ? { registerIndex } : {}) };
  }
  await screening;
  chunks.forEach((chunk, at) => take(chunk, byChunk[at]!));
  inputs.onStep?.('scored');
  counts.counterpartiesScreened = subjects.length;
  const fresh: StoredHit[] = [];
  subjects.forEach((_, i) => freshOf(i, fresh));
  const screened = new Set(subjects.map((c) => c.id));
  let stored = inputs.stored;
  let alerts = inputs.alerts;
  if (inputs.readMore) {
    const { read, partial } = inputs.readMore;
    const more = new Set<string>();
    for (const h of fresh)
      if (!read.has(h.counterpartyId) && !partial?.has(h.counterpartyId)) more.add(h.counterpartyId);
    if (more.size > 0) {
      const state = await inputs.readMore.state(more);
      stored = [...stored, ...state.stored];
      alerts = [...alerts, ...state.alerts];
    }
  }
  const changes = reconcileHits(
    stored,
    fresh,
    (h) =>
      everyone ||
      (screenAll as ReadonlySet<string>).has(h.counterpartyId) ||
      removedParties.has(h.entityId) ||
      (changedParties.has(h.entityId) && screened.has(h.counterpartyId)),
  );
  const view = inputs.readSubjects
    ? await inputs.readSubjects(
        new Set([
          ...stored.map((h) => h.entityId),
          ...fresh.map((h) => h.entityId),
          ...alerts.map((a) => a.entityId),
          ...removedParties,
          ...inputs.clearances.flatMap((c) => clearedListings(c)),
        ]),
      )
    : (inputs.subjects ?? NO_SUBJECTS);
  raiseAlerts(outcome, counts, {
    register: byId,
    stored,
    fresh,
    changes,
    removedParties,
    clearances: inputs.clearances,
    alerts,
    subjects: view,
    now: inputs.now,
  });
  inputs.onStep?.('raised');
  await inputs.onProgress(done, queries.length, counts);
  return { outcome, counts, ...(registerIndex ? { registerIndex } : {}) };
}

/**
 * The raising and writing of a full run's outcome a page of counterparties at a time, beside
 * the screening (`RunInputs.writePage`): pages are raised as `raiseAlerts` raises the whole run,
 * on each page's own stored hits and alerts, and given to the writer one at a time. Of a page
 * written, the run's outcome keeps the hits of the counterparties in an ownership link only.
 */
class OverlappedRaise {
  readonly #storedByCp = new Map<string, StoredHit[]>();
  readonly #alertsByCp = new Map<string, RunAlert[]>();
  #ids: string[] = [];
  #fresh: StoredHit[] = [];
  #rows = 0;
  #writing: Promise<void> = Promise.resolve();
  #failed: { error: unknown } | undefined;
  #stopped = false;
  /** The counterparties whose hits the ownership step reads (`addOwnershipAlerts`). */
  readonly #linked: ReadonlySet<string>;
  readonly written: WrittenCounts = { upsertHits: 0, deleteHits: 0, newAlerts: 0, updatedAlerts: 0 };

  constructor(
    private readonly inputs: RunInputs,
    private readonly outcome: RunOutcome,
    private readonly counts: MonitorRunCounts,
    private readonly write: (page: RunOutcome) => Promise<void>,
  ) {
    for (const h of inputs.stored) push(this.#storedByCp, h.counterpartyId, h);
    for (const a of inputs.alerts) push(this.#alertsByCp, a.counterpartyId, a);
    this.#linked = ownershipLinked(inputs.register);
  }

  /** A counterparty whose screening is complete, with its fresh hits. */
  ready(id: string, fresh: StoredHit[]): void {
    if (this.#failed) throw this.#failed.error;
    this.#ids.push(id);
    for (const h of fresh) this.#fresh.push(h);
    this.#rows += fresh.length + (this.#storedByCp.get(id)?.length ?? 0);
    if (this.#rows >= OVERLAP_ROWS || this.#ids.length >= (this.inputs.overlapPage ?? OVERLAP_PAGE))
      this.#flush();
  }

  #flush(): void {
    const ids = this.#ids;
    const fresh = this.#fresh;
    this.#ids = [];
    this.#fresh = [];
    this.#rows = 0;
    this.#writing = this.#writing.then(async () => {
      if (this.#failed || this.#stopped) return;
      const page = this.#raise(ids, fresh);
      try {
        await this.write(page);
        this.#count(page);
      } catch (error) {
        this.#failed = { error };
      }
      // Lets the workers' results in between pages.
      await new Promise((r) => setImmediate(r));
    });
  }

  #raise(ids: string[], fresh: StoredHit[]): RunOutcome {
    const stored = ids.flatMap((id) => this.#storedByCp.get(id) ?? []);
    const page = emptyRunOutcome();
    raiseAlerts(page, this.counts, {
      register: new Map(ids.flatMap((id) => this.#entry(id))),
      stored,
      fresh,
      changes: reconcileHits(stored, fresh, () => true),
      removedParties: this.inputs.removedParties,
      clearances: this.inputs.clearances,
      alerts: ids.flatMap((id) => this.#alertsByCp.get(id) ?? []),
      subjects: this.inputs.subjects ?? NO_SUBJECTS,
      now: this.inputs.now,
    });
    return page;
  }

  #registerById: Map<string, RegisterEntry> | undefined;
  #entry(id: string): [string, RegisterEntry][] {
    this.#registerById ??= new Map(this.inputs.register.map((c) => [c.id, c]));
    const c = this.#registerById.get(id);
    return c ? [[id, c]] : [];
  }

  /** Keeps, of a page written, what the ownership step reads, and counts it as written. */
  #count(page: RunOutcome): void {
    for (const h of page.upsertHits)
      if (this.#linked.has(h.counterpartyId)) {
        this.outcome.upsertHits.push(h);
        this.written.upsertHits++;
      }
    for (const h of page.deleteHits)
      if (this.#linked.has(h.counterpartyId)) {
        this.outcome.deleteHits.push(h);
        this.written.deleteHits++;
      }
  }

  /** Stops writing (after a failed screening: what was written is rolled back by the caller). */
  stop(failed: boolean): void {
    if (failed) this.#stopped = true;
  }

  /** Waits for the page being written; rethrows the writer's failure. */
  async settled(): Promise<void> {
    await this.#writing;
    if (this.#failed && !this.#stopped) throw this.#failed.error;
  }

  /**
   * Raises the last page, and the stored hits of counterparties no longer in the register (gone),
   * and writes them.
   */
  async finish(screened: ReadonlySet<string>): Promise<void> {
    for (const id of this.#storedByCp.keys()) if (!screened.has(id)) this.#ids.push(id);
    if (this.#ids.length > 0) this.#flush();
    await this.settled();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const xs = map.get(key);
  if (xs) xs.push(value);
  else map.set(key, [value]);
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
