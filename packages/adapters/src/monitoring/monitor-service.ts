import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  checkAlertTransition,
  clearanceSubjectKey,
  counterpartySubject,
  isClearanceActive,
  type Clearance,
  DomainError,
  type Alert,
  fullRunDue,
  type FullRunStatus,
  type MonitorRun,
  type MonitorRunRecord,
  type MonitorTrigger,
  type RegisterFormat,
  type ScreeningIndex,
} from '@entente/core';
import type { AuditSource } from '../sharing/actor.ts';
import type { ScreeningService } from '../screening/screening-service.ts';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';
import { AlertStore, type AlertChange } from './alert-store.ts';
import { MonitorRunStore, type RunWrite } from './monitor-run-store.ts';
import type { RunOutcome, StoredHit } from './monitor-records.ts';
import { readRegisterText } from './read-register-file.ts';
import { RegisterStore, type RegisterEntry, type RegisterImportResult } from './register-store.ts';
import { addOwnershipAlerts, ownershipLinked } from './add-ownership-alerts.ts';
import {
  buildRegisterIndexSoon,
  MONITOR_MATCH_LIMIT,
  OVERLAP_PAGE,
  OVERLAP_WRITE_PAGE,
  runMonitoring,
  runTarget,
  queriesOfEntry,
  unwritten,
} from './run-monitoring.ts';
import { DeltaSplit } from './delta-split.ts';
import {
  emptyForwardStats,
  forwardCandidates,
  forwardCandidatesSplit,
  type ForwardStats,
} from './forward-candidates.ts';
import { listingsOfSubjectsOf, readSubjectView } from '../subjects/subject-view.ts';
import { weightsDrift } from './weights-drift.ts';

/** The store a monitor needs: the port (clearances, list diffs, notifications) and its Kysely. */
export type MonitorStoreAccess = Pick<
  OpenedStore,
  'clearances' | 'saveClearance' | 'diffVersions' | 'watchListVersions' | 'kysely' | 'info'
>;

/** How a monitor reports. */
export interface MonitorOptions {
  log?: (line: string) => void;
  clock?: { now(): Date };
  /**
   * Counterparties a page a full run writes while it screens closes at (`OVERLAP_PAGE`, or
   * `OVERLAP_ROWS` hits first; a test makes pages small); 0 writes the whole outcome after the
   * screening, as before 2026-12-04.
   */
  overlapPage?: number;
}

/**
 * Chunks a screening worker holds during a run (the pool's default is 2): the run keeps 32 in
 * flight, so each of 2 workers holds 16, about 1 s of screening, and goes on while the main
 * thread raises and writes a page or collects its garbage (docs/decisions/2026-12-05-monitoring-pipeline.md).
 * A request screened meanwhile does not wait behind them (`ScreeningPool.screenOutcome` is urgent).
 */
const MONITOR_PER_WORKER = 16;

/** The steps of a run `RunRequest.onStep` is told of, in order (a full run has no `scoped`). */
export type RunStep =
  | 'register'
  | 'diffed'
  | 'scoped'
  | 'read'
  | 'subjects'
  | 'scored'
  | 'raised'
  | 'screened'
  | 'ownership'
  | 'hits-written'
  | 'written';

/**
 * What a delta reads the stored state of (`MonitorService.#deltaScope`): `counterparties` whole,
 * `partial` on `listings` only (their hits on them, `partialHits`, read with the scope).
 */
interface DeltaScope {
  candidates: Set<string>;
  counterparties: Set<string>;
  partial: Set<string>;
  /** The listings of the changed and removed listed parties' subjects (`listingsOfSubjectsOf`). */
  listings: Set<string>;
  /**
   * The organisation's stored hits on `listings`, of counterparties not read whole: those of
   * `partial`, and of any candidate a fresh hit brings in after the screening.
   */
  partialHits: StoredHit[];
  /**
   * The candidates' screening against the changed parties, started on the delta worker while the
   * scope was searched (`DeltaSplit`); none without a delta worker at the current lists.
   */
  split?: DeltaSplit;
}

/**
 * Listings a delta reads counterparties' hits and alerts on in one `in (…)` list beside a page of
 * counterparties (`pagesOf`: 5,000), well under PostgreSQL's 65,535 parameters; past it (a list
 * withdrawn whole) the counterparties it can touch are read whole.
 */
const PARTIAL_LISTINGS_PAGE = 5000;

/** An organisation's register at a register position, and its index once built. */
interface RegisterSlot {
  position: number;
  entries: RegisterEntry[];
  index?: ScreeningIndex;
  building?: Promise<ScreeningIndex>;
}

/** What `run` was asked to do. */
export interface RunRequest {
  trigger: MonitorTrigger;
  /** Re-screen every counterparty against every list, not only what changed. */
  full?: boolean;
  onProgress?: (run: MonitorRun) => void;
  /**
   * Told as each step of the run ends, for benchmarks: `register` read, `diffed` (a delta's list
   * differences read), `scoped` (a delta's candidates and the counterparties it can touch found),
   * `read` (stored hits, alerts, clearances), `subjects` (a full run's resolution), `scored` (the
   * screening), `raised` (reconciled, alerts raised), `screened`, `ownership`, `hits-written`,
   * `written`.
   */
  onStep?: (step: RunStep) => void;
}

/**
 * Continuous monitoring of every organisation's counterparty register: imports registers,
 * re-screens what can have changed whenever a list version is stored (on every API node:
 * the store's list-version notifications; one node runs a given target, see
 * `MonitorRunStore.claimRun`), raises alerts and carries them through the review workflow,
 * recording a false positive as a clearance of the organisation.
 */
export class MonitorService {
  readonly register: RegisterStore;
  readonly alerts: AlertStore;
  readonly runs: MonitorRunStore;
  readonly #log: (line: string) => void;
  readonly #clock: { now(): Date };
  readonly #overlapPage: number;
  /**
   * Per organisation, its register at a register position and, once built (or while it is being
   * built: `building`), the register index, kept between runs (a run at the same position reads
   * neither again). It depends on the register's state only, not on the lists.
   */
  readonly #registerIndexes = new Map<string, RegisterSlot>();
  /**
   * The last split delta's counts (`DeltaSplit.counts`: chunks screened here and on the delta
   * worker, queries offered), for benchmarks and tests; undefined before any.
   */
  lastSplit: DeltaSplit['counts'] | undefined;
  /**
   * What the last delta's forward search did (`ForwardStats`), and, when its pairwise bound was
   * split with the delta worker, the chunks bounded here and there; for benchmarks and tests.
   */
  lastScope: { stats: ForwardStats; bound?: { here: number; beside: number } } | undefined;
  /**
   * Whether a delta with the delta worker at the current lists splits its scoped step's pairwise
   * bound with it (`forwardCandidatesSplit`; docs/decisions/2026-12-06-delta-scoped-split.md).
   * Off: measured, not adopted (the worker's time moved from screening the candidates to bounding
   * them, the main thread's unchanged); on to compare (a test, `bench/monitor-store.ts --split-bound`).
   */
  splitBound = false;
  /** Stops the register indexes being built in the background (`close`). */
  readonly #stopBuilding = new AbortController();
  #running: Promise<void> | undefined;
  #again = false;
  #stopWatching: (() => Promise<void>) | undefined;
  #stopHooking: (() => void) | undefined;
  #warming: Promise<void> | undefined;

  constructor(
    private readonly store: MonitorStoreAccess,
    private readonly screeningService: ScreeningService | undefined,
    options: MonitorOptions = {},
  ) {
    this.register = new RegisterStore(store.kysely);
    this.alerts = new AlertStore(store.kysely);
    this.runs = new MonitorRunStore(store.kysely);
    this.#log = options.log ?? (() => {});
    this.#clock = options.clock ?? { now: () => new Date() };
    this.#overlapPage = options.overlapPage ?? OVERLAP_PAGE;
  }

  /** Reads and stores a register file's text for the organisation (all rows or none); audited. */
  async importRegister(
    orgId: string,
    file: string,
    text: string,
    by: AuditSource,
    format?: RegisterFormat,
  ): Promise<RegisterImportResult> {
    await this.#checkOrg(orgId);
    const known = await this.register.counterpartyIds(orgId);
    const read = readRegisterText(file, text, known, format);
    const counterparties = read.counterparties;
    return this.register.saveRegister(orgId, file, read.format, counterparties, by);
  }

  async #checkOrg(orgId: string): Promise<void> {
    const r = await sql<{ id: string }>`select id from organisations where id = ${orgId}`.execute(
      this.store.kysely,
    );
    if (!r.rows[0]) throw new DomainError('not-found', `No organisation ${orgId}`, { field: 'org' });
  }

  /** The screening service runs use; a monitor made without one only reads and changes registers and alerts. */
  private get screening(): ScreeningService {
    if (!this.screeningService)
      throw new DomainError('internal-error', 'This monitor was opened without a screening index');
    return this.screeningService;
  }

  /**
   * Brings the organisation's alerts up to the latest list versions and register: undefined
   * when there is nothing to do or another process runs it.
   */
  async run(orgId: string, request: RunRequest): Promise<MonitorRun | undefined> {
    // A delta runs before the workers restart on the refreshed index (`holdWorkers`): taken
    // before the refresh, released as soon as the run turns out to screen everyone.
    const releaseWorkers = this.screening.holdWorkers();
    try {
      return await this.#run(orgId, request, releaseWorkers);
    } finally {
      releaseWorkers();
    }
  }

  async #run(
    orgId: string,
    request: RunRequest,
    releaseWorkers: () => void,
  ): Promise<MonitorRun | undefined> {
    await this.screening.refresh();
    const versions = this.screening.state().versions;
    const positions = await this.runs.positions(orgId);
    const registerPosition = await this.register.registerPosition(orgId);
    if (registerPosition === 0) return undefined;
    const current =
      versions.every((v) => positions.get(v.source) === v.id) &&
      positions.get('#register') === registerPosition;
    if (current && !request.full) return undefined;
    const target = request.full ? `full:${randomUUID()}` : runTarget(versions, registerPosition);
    const run = await this.runs.claimRun(orgId, target, request.full ? 'full' : request.trigger);
    if (!run) return undefined;
    let writer: RunWrite | undefined;
    try {
      const cached = this.#registerIndexes.get(orgId);
      const register =
        cached?.position === registerPosition ? cached.entries : await this.register.counterparties(orgId);
      if (cached?.position !== registerPosition)
        this.#registerIndexes.set(orgId, { position: registerPosition, entries: register });
      request.onStep?.('register');
      const firstTime = versions.some((v) => !positions.has(v.source));
      const everyone = request.full || firstTime || !positions.has('#register');
      // A full run screens on the workers, whoever else holds them.
      if (everyone) {
        releaseWorkers();
        this.screening.resumeWorkers();
      }
      const changedParties = new Set<string>();
      const removedParties = new Set<string>();
      const removedNames: string[] = [];
      if (!everyone)
        for (const v of versions) {
          const from = positions.get(v.source)!;
          if (from === v.id) continue;
          const diff = await this.runs.listingChanges(from, v.id);
          for (const id of diff.changed) changedParties.add(id);
          for (const id of diff.removed) removedParties.add(id);
          removedNames.push(...diff.removedNames);
        }
      if (!everyone) request.onStep?.('diffed');
      const record: MonitorRunRecord = {
        mode: everyone ? 'full' : 'delta',
        versions: Object.fromEntries(versions.map((v) => [v.source, v.id])),
        listVersions: versions.filter((v) => positions.get(v.source) !== v.id).length,
        // A removed party counts with its primary name (the listing changes carry no other).
        weightsDrift: everyone ? 0 : weightsDrift(this.screening.index, changedParties, removedNames),
      };
      const changedCps = everyone
        ? 'everyone'
        : new Set(register.filter((c) => c.changeSeq > positions.get('#register')!).map((c) => c.id));
      const clearances = await this.store.clearances(orgId);
      const sources = versions.map((v) => v.source);
      // A delta reads the stored state of the counterparties it can touch only (`deltaScope`).
      let registerIndex: ScreeningIndex | undefined;
      let scope: DeltaScope | undefined;
      if (changedCps !== 'everyone') {
        // Built after the run that left the register at this position, unless that was in another
        // process (or this one has just started and not yet built it): then here.
        if (changedParties.size > 0)
          registerIndex = await this.#registerIndexAt(orgId, registerPosition, register);
        scope = await this.#deltaScope(orgId, {
          register,
          registerIndex,
          changedCps,
          changedParties,
          removedParties,
          clearances,
        });
        request.onStep?.('scoped');
      }
      const stored = await this.runs.runHits(orgId, scope?.counterparties);
      const alerts = await this.alerts.runAlerts(orgId, ['new', 'changed', 'gone'], scope?.counterparties);
      // Of a counterparty in scope only by a stored hit on a changed or removed listed party: its
      // hits and alerts on the listings of those parties' subjects, the only subjects it can raise
      // or update an alert of (docs/decisions/2026-12-06-delta-partial-reads.md).
      const partialState = async (ids: ReadonlySet<string>) => ({
        stored: scope!.partialHits.filter((h) => ids.has(h.counterpartyId)),
        alerts: await this.alerts.runAlerts(orgId, ['new', 'changed', 'gone'], ids, scope!.listings),
      });
      if (scope && scope.partial.size > 0) {
        const state = await partialState(scope.partial);
        for (const h of state.stored) stored.push(h);
        for (const a of state.alerts) alerts.push(a);
      }
      request.onStep?.('read');
      const subjects = scope ? undefined : await readSubjectView(this.store.kysely, sources);
      if (subjects) request.onStep?.('subjects');
      // Read before a full run's write opens its transaction (on PGlite it holds the one connection).
      const ownershipAlerts = await this.alerts.alerts(orgId, { kinds: ['ownership'], limit: 1_000_000 });
      // A full run writes pages of its outcome while the workers screen the rest, in the run's one
      // transaction (docs/decisions/2026-12-04-monitoring-overlapped-write.md).
      writer =
        scope || this.#overlapPage === 0
          ? undefined
          : this.runs.openWrite(orgId, run, {
              oneConnection: this.store.info().kind === 'pglite',
              pageSize: OVERLAP_WRITE_PAGE,
            });
      // A split delta's candidates: what the delta worker has not screened yet, screened here now.
      const prescored = scope?.split ? await scope.split.finish() : undefined;
      if (scope?.split) this.lastSplit = scope.split.counts;
      const result = await runMonitoring({
        ...(prescored ? { prescored } : {}),
        index: this.screening.index,
        // A delta's candidates are scored against the changed parties only, on this thread and the
        // delta worker (patched by the refresh, at the same lists), not on the held workers.
        matchMany: (q, o) =>
          o.entities ? this.screening.matchBeside(q, o) : this.screening.matchMany(q, o, MONITOR_PER_WORKER),
        reference: this.screening.reference,
        register,
        screenAll: changedCps,
        changedParties,
        removedParties,
        stored,
        clearances,
        alerts,
        ...(scope
          ? {
              candidates: scope.candidates,
              readSubjects: (ids) => readSubjectView(this.store.kysely, sources, ids),
              readMore: {
                read: scope.counterparties,
                partial: scope.partial,
                // A candidate the screening found a fresh hit for (on a changed party): read as a
                // partial one, unless the listings were too many to read by (then whole).
                state: async (ids) =>
                  scope!.listings.size > 0
                    ? partialState(ids)
                    : {
                        stored: await this.runs.runHits(orgId, ids),
                        alerts: await this.alerts.runAlerts(orgId, ['new', 'changed', 'gone'], ids),
                      },
              },
            }
          : { subjects: subjects! }),
        ...(registerIndex ? { registerIndex } : {}),
        now: this.#clock.now(),
        ...(writer
          ? { writePage: (page: RunOutcome) => writer!.write(page), overlapPage: this.#overlapPage }
          : {}),
        onProgress: async (done, total, counts) => {
          await (writer
            ? writer.progress(done, total, counts)
            : this.runs.progress(run.id, done, total, counts));
          request.onProgress?.({ ...run, done, total, counts });
        },
        ...(request.onStep ? { onStep: request.onStep } : {}),
      });
      request.onStep?.('screened');
      result.outcome.positions = Object.fromEntries([
        ...versions.map((v) => [v.source, v.id] as const),
        ['#register', registerPosition] as const,
      ]);
      addOwnershipAlerts(result.outcome, result.counts, {
        register,
        stored,
        ownershipAlerts,
        clearances,
        now: this.#clock.now(),
      });
      request.onStep?.('ownership');
      if (writer)
        await writer.finish(unwritten(result.outcome, result.written), result.counts, record, request.onStep);
      else
        await this.runs.finishRun(
          orgId,
          run,
          result.outcome,
          result.counts,
          undefined,
          request.onStep,
          record,
        );
      request.onStep?.('written');
      // For the deltas to come: the register index of the register as this run left it, built in
      // the background now (a delta after a list update then finds it).
      this.#buildRegisterIndexSoon(orgId, registerPosition, register);
      // And the delta worker, at these lists (kept and patched by each refresh once started).
      void this.screening.startDeltaWorker();
      // And, when the main thread's index reads its snapshot's columns (a full run on the workers),
      // its writable objects, restored in steps while the process is idle: the first list change's
      // refresh (a delta's path) would otherwise restore them (docs/decisions/2026-12-06-monitoring-restore-soon.md).
      void this.screening.restoreWritableSoon();
      return {
        ...run,
        state: 'done',
        counts: result.counts,
        finishedAt: this.#clock.now().toISOString(),
        record,
      };
    } catch (error) {
      // What the pages wrote is rolled back before the run is marked failed (outside the transaction).
      await writer?.abort();
      await this.runs.failRun(run.id, (error as Error).message).catch(() => {});
      throw error;
    }
  }

  /**
   * What a delta can touch: the candidates of the changed listed parties (screened against the
   * register index), and the counterparties whose stored hits and alerts the run reads before
   * screening. Read whole: the changed counterparties, those a clearance of the organisation
   * covers (a subject clearance can need a review after a resolution), and those in an ownership
   * link (the ownership step reads their hits). Read on the listings of the changed and removed
   * parties' subjects only (`partial`): those with a stored hit on a changed or removed listed
   * party; any other candidate is read the same way once the screening finds it a fresh hit (on a
   * changed party). Such a counterparty raises or updates alerts of those subjects only, and what
   * it reads for one is its hits and alerts on their listings
   * (docs/decisions/2026-12-06-delta-partial-reads.md). The stored hits on those listings are read
   * once, by the hits' entity index, and give the counterparties that had a hit on a changed or
   * removed party.
   */
  async #deltaScope(
    orgId: string,
    d: {
      register: RegisterEntry[];
      registerIndex: ScreeningIndex | undefined;
      changedCps: ReadonlySet<string>;
      changedParties: ReadonlySet<string>;
      removedParties: ReadonlySet<string>;
      clearances: readonly Clearance[];
    },
  ): Promise<DeltaScope> {
    const touched = new Set([...d.changedParties, ...d.removedParties]);
    let listings = await listingsOfSubjectsOf(this.store.kysely, touched);
    // Past a page of listings (a list withdrawn whole), the counterparties' whole state as before.
    if (listings.size > PARTIAL_LISTINGS_PAGE) listings = new Set();
    const onListings = listings.size > 0 ? await this.runs.runHits(orgId, undefined, listings) : [];
    const hitting = (parties: ReadonlySet<string>) =>
      listings.size > 0
        ? new Set(onListings.filter((h) => parties.has(h.entityId)).map((h) => h.counterpartyId))
        : this.runs.counterpartiesHitting(orgId, parties);
    const hitChanged = await hitting(d.changedParties);
    const hitRemoved = await hitting(d.removedParties);
    const byId = new Map(d.register.map((c) => [c.id, c]));
    // With the delta worker at these lists, the candidates are screened against the changed
    // parties on it as they are found, while this thread searches for the others; the rest is
    // shared in the scored step (docs/decisions/2026-12-06-delta-split.md).
    const split =
      d.registerIndex && d.changedParties.size > 0 && this.screening.deltaWorkerReady()
        ? this.#split(d.changedParties)
        : undefined;
    const offer = split
      ? (id: string) => {
          const c = byId.get(id);
          if (c && !d.changedCps.has(id)) split.offer(queriesOfEntry(c));
        }
      : undefined;
    if (offer) for (const id of hitChanged) offer(id);
    // The counterparties that hit a changed party before are candidates too (found here in SQL).
    // With the delta worker, the search's pairwise bound is shared with it by claimed chunks
    // (docs/decisions/2026-12-06-delta-scoped-split.md).
    const stats = emptyForwardStats();
    const queriesOf = (id: string) => {
      const c = byId.get(id);
      return c && queriesOfEntry(c);
    };
    let candidates = new Set<string>();
    let bound: { here: number; beside: number } | undefined;
    if (d.registerIndex && split && this.splitBound) {
      const found = await forwardCandidatesSplit(
        this.screening.index,
        d.registerIndex,
        d.changedParties,
        queriesOf,
        { beside: (b, queries, claim) => this.screening.boundClaimed(b, queries, claim) },
        offer,
        stats,
      );
      candidates = found.candidates;
      bound = found.chunks;
    } else if (d.registerIndex)
      candidates = forwardCandidates(
        this.screening.index,
        d.registerIndex,
        d.changedParties,
        undefined,
        queriesOf,
        offer,
        stats,
      );
    this.lastScope = { stats, ...(bound ? { bound } : {}) };
    for (const id of hitChanged) candidates.add(id);
    // A candidate's stored state is read only once it has a fresh hit (`RunInputs.readMore`).
    const counterparties = new Set([...d.changedCps, ...ownershipLinked(d.register)]);
    const now = this.#clock.now();
    const cleared = new Set(d.clearances.filter((c) => isClearanceActive(c, now)).map((c) => c.subjectKey));
    if (cleared.size > 0)
      for (const c of d.register)
        if (cleared.has(clearanceSubjectKey(counterpartySubject(c)))) counterparties.add(c.id);
    const partial = new Set<string>();
    for (const id of [...hitChanged, ...hitRemoved])
      if (!counterparties.has(id)) (listings.size > 0 ? partial : counterparties).add(id);
    const partialHits = onListings.filter((h) => !counterparties.has(h.counterpartyId));
    return { candidates, counterparties, partial, listings, partialHits, ...(split ? { split } : {}) };
  }

  /** A delta's restricted screening split between this thread and the delta worker. */
  #split(changedParties: ReadonlySet<string>): DeltaSplit {
    // The options `runMonitoring` screens a delta's candidates with.
    const options = { limit: MONITOR_MATCH_LIMIT, entities: changedParties };
    return new DeltaSplit({
      beside: (queries, claim) => this.screening.matchClaimed(queries, options, claim),
      here: (queries) => this.screening.matchHere(queries, options),
    });
  }

  /**
   * Whether the organisation's next run should be a full re-screen, and why (`fullRunDue` over
   * its recent runs: a delta cannot see what the engine's candidate cut and moved token weights
   * change; docs/decisions/2026-12-04-delta-forward-search.md).
   */
  async fullRunStatus(orgId: string): Promise<FullRunStatus> {
    return fullRunDue(await this.runs.recent(orgId, 500), this.#clock.now());
  }

  /** Runs every organisation with a register (errors are logged per organisation). */
  async runAll(trigger: MonitorTrigger): Promise<MonitorRun[]> {
    const runs: MonitorRun[] = [];
    for (const orgId of await this.register.organisationsWithRegister()) {
      try {
        const run = await this.run(orgId, { trigger });
        if (run) {
          runs.push(run);
          this.#log(
            `monitor: ${orgId}: ${run.counts.newAlerts} new, ${run.counts.changedAlerts} changed, ${run.counts.goneAlerts} gone alert(s)`,
          );
        }
      } catch (error) {
        this.#log(`monitor: run for ${orgId} failed: ${(error as Error).message}`);
      }
    }
    return runs;
  }

  /** Runs every organisation soon; a call while a pass runs makes it pass once more when done. */
  runAllSoon(trigger: MonitorTrigger = 'list-version'): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.runAll(trigger);
        } while (this.#again);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /**
   * Runs on every stored list version (from any process) and once now, to catch up; then builds
   * each register's index in the background, for the deltas to come.
   */
  async watch(): Promise<void> {
    // Every refresh that changes the screening index (this process's notification, or a run's own
    // refresh) holds the workers' restart until a pass over every organisation has ended after it:
    // taken in the refresh, so the deltas run before the restart whichever of the refresh and this
    // listener hears of the version first (`ScreeningService.onIndexChange`).
    this.#stopHooking ??= this.screeningService?.onIndexChange((release) => {
      void this.runAllSoon('list-version').finally(release);
    });
    this.#stopWatching ??= await this.store.watchListVersions(() => {
      void this.runAllSoon('list-version');
    });
    this.#warming = this.runAllSoon('list-version')
      .then(() => this.buildRegisterIndexes())
      .catch((error: unknown) => {
        if (this.#stopWatching) this.#log(`monitor: register index not built: ${(error as Error).message}`);
      });
  }

  /**
   * Builds the register index of every organisation that has none at its register's position
   * (`watch` does, in the background; stops when the service stops watching), or waits for the
   * one being built.
   */
  async buildRegisterIndexes(): Promise<void> {
    const watching = this.#stopWatching !== undefined;
    for (const orgId of await this.register.organisationsWithRegister()) {
      if (watching && !this.#stopWatching) return;
      const position = await this.register.registerPosition(orgId);
      const cached = this.#registerIndexes.get(orgId);
      const entries =
        cached?.position === position ? cached.entries : await this.register.counterparties(orgId);
      await this.#registerIndexAt(orgId, position, entries);
    }
  }

  /**
   * The organisation's register index at `position` (of `entries`, the register at that
   * position): the one kept, the one being built, or one built now and kept while no later
   * position is known. Never one of another position: the cache is keyed by it.
   */
  #registerIndexAt(orgId: string, position: number, entries: RegisterEntry[]): Promise<ScreeningIndex> {
    const cached = this.#registerIndexes.get(orgId);
    if (cached?.position === position) {
      if (cached.index) return Promise.resolve(cached.index);
      if (cached.building) return cached.building;
    }
    const building = buildRegisterIndexSoon(entries, this.screening.reference, this.#stopBuilding.signal);
    if (cached && cached.position > position) return building;
    const slot: RegisterSlot = cached?.position === position ? cached : { position, entries };
    slot.building = building;
    this.#registerIndexes.set(orgId, slot);
    building.then(
      (index) => {
        slot.index = index;
        slot.building = undefined;
      },
      () => {
        slot.building = undefined;
      },
    );
    return building;
  }

  /**
   * Whether the organisation's register index is kept (`built`) or being built (`building`) for
   * its register's latest position this monitor has read, for a test or a status line.
   */
  async registerIndexState(orgId: string): Promise<'built' | 'building' | undefined> {
    const cached = this.#registerIndexes.get(orgId);
    if (cached?.position !== (await this.register.registerPosition(orgId))) return undefined;
    return cached.index ? 'built' : cached.building ? 'building' : undefined;
  }

  /** `#registerIndexAt` in the background (a failure is logged; `close` stops it). */
  #buildRegisterIndexSoon(orgId: string, position: number, entries: RegisterEntry[]): void {
    if (!this.screeningService || this.#stopBuilding.signal.aborted) return;
    this.#registerIndexAt(orgId, position, entries).catch((error: unknown) => {
      if (!this.#stopBuilding.signal.aborted)
        this.#log(`monitor: register index of ${orgId} not built: ${(error as Error).message}`);
    });
  }

  /**
   * Changes one of the organisation's alerts: state (checked against the workflow; a false
   * positive records a clearance with the reason and expiry), assignee (a user of the
   * organisation, by id or e-mail), comment. Audited; another organisation's alert is `not-found`.
   */
  async changeAlert(orgId: string, id: string, change: AlertChange, by: AuditSource): Promise<Alert> {
    const alert = await this.alerts.alert(orgId, id, by, 'monitor.alert-change');
    const next = { ...change };
    if (change.state && change.state !== alert.state)
      checkAlertTransition({
        kind: alert.kind,
        from: alert.state,
        to: change.state,
        ...(change.reason ? { reason: change.reason } : {}),
      });
    if (change.expiresAt !== undefined) {
      const t = Date.parse(change.expiresAt);
      if (Number.isNaN(t) || t <= this.#clock.now().getTime())
        throw new DomainError('invalid-input', 'expiresAt must be a date in the future', {
          field: 'expiresAt',
        });
      next.expiresAt = new Date(t).toISOString();
    }
    if (change.assignee) next.assignee = await this.#userOf(orgId, change.assignee);
    if (change.state === 'false-positive' && alert.state !== 'false-positive') {
      const cp = (await this.register.history(orgId, alert.counterpartyId))[0];
      if (!cp)
        throw new DomainError('not-found', `No counterparty ${alert.counterpartyId}`, {
          field: 'counterpartyId',
        });
      // An alert of a resolved subject clears the subject: every listing the alert showed (what
      // was decided on); a listing that joins it later is raised again for review.
      const bySubject = alert.subjectId !== alert.entityId || alert.listings.length > 1;
      // One transaction: the clearance with its audit entry, then the alert with its history and
      // audit entry; a failure anywhere (a conflict, a constraint) leaves none of them.
      await this.store.saveClearance(
        {
          orgId,
          subject: counterpartySubject(cp),
          ...(bySubject
            ? { entityId: alert.subjectId, listings: alert.listings.map((l) => l.entityId) }
            : { entityId: alert.entityId }),
          reason: change.reason!.trim(),
          clearedBy: by.userId && by.userId !== 'cli' ? `user:${by.userId}` : 'cli',
          ...(next.expiresAt ? { expiresAt: next.expiresAt } : {}),
        },
        by,
        (clearance, tx) =>
          this.alerts.changeAlertIn(
            // The store's own transaction handle: opaque in core's port, a Kysely<Database> here.
            tx as Kysely<Database>,
            orgId,
            id,
            alert.state,
            { ...next, clearanceId: clearance.id },
            by,
          ),
      );
      return this.alerts.alert(orgId, id);
    }
    return this.alerts.changeAlert(orgId, id, alert.state, next, by);
  }

  async #userOf(orgId: string, idOrEmail: string): Promise<string> {
    const r = await sql<{
      id: string;
    }>`select id from users where org_id = ${orgId} and (id = ${idOrEmail} or lower(email) = lower(${idOrEmail}))`.execute(
      this.store.kysely,
    );
    if (!r.rows[0])
      throw new DomainError('invalid-input', `"${idOrEmail}" is not a user of this organisation`, {
        field: 'assignee',
      });
    return r.rows[0].id;
  }

  /** Stops following list changes and waits for a run in progress. */
  async close(): Promise<void> {
    const stop = this.#stopWatching;
    this.#stopWatching = undefined;
    this.#stopHooking?.();
    this.#stopHooking = undefined;
    await stop?.();
    await this.#running?.catch(() => {});
    await this.#warming;
    // A register index being built for deltas this process will no longer run.
    this.#stopBuilding.abort();
    await Promise.all([...this.#registerIndexes.values()].map((r) => r.building?.catch(() => {})));
  }
}
