import { sql, type Kysely, type Selectable } from 'kysely';
import { partyEntityId, ScreeningIndex, type Clock, type NameReference, type Party } from '@entente/core';
import { canSeeDenial, isDenialValid, partiesFromDenial, type Denial, type Viewer } from '@entente/core';
import { isoDay } from './actor.ts';
import { DENIAL_CHANGE_CHANNEL, denialFromRow } from './denial-store.ts';
import type { DenialRow } from './sharing-database.ts';
import type { Database } from '../store/database.ts';

/** Subscribes to a notification channel; returns the unsubscribe function. */
export type WatchChannel = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

/** Parties indexed between two yields to the event loop while an agency's index is built. */
const BUILD_CHUNK = 400;
/**
 * How long an organisation's kind and regimes are trusted without reading the
 * store again (as verified credentials are: `CREDENTIAL_RECHECK_MS`).
 */
const VIEWER_RECHECK_MS = 5_000;
/** Agencies' indexes kept (least recently used dropped first). */
const MAX_VIEWS = 32;

/** A valid denial and its parties as the screening index holds them. */
interface Held {
  denial: Denial;
  parties: Party[];
}

/** One agency's screening index over the denials it may see. */
interface View {
  viewer: Viewer;
  index: ScreeningIndex;
  denials: number;
}

/** What one agency screens against now; stays patched in place as denials change. */
export interface DenialView {
  index: ScreeningIndex;
  /** Valid denials the agency may see, and their parties. */
  denials: number;
  parties: number;
  /** The current denial with this id (for the explanation of a hit). */
  denialOf(id: string): Denial | undefined;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The screening indexes of the denied parties agencies may see, kept in
 * memory: every valid denial is read once, each agency's index (by
 * organisation, regimes and name reference) is built once, in chunks that
 * yield to the event loop, and both are patched from the rows changed since
 * (`denials.change_seq` above the last one read) when this process changes a
 * denial or another one says so on `DENIAL_CHANGE_CHANNEL`. Expired denials
 * leave the indexes when the day changes. Reads, patches and builds run one
 * at a time, so an index is never seen half-patched.
 */
export class DenialScreenIndex {
  /** Indexes built from scratch (not patched); tests read it to see that requests reuse them. */
  builds = 0;
  readonly #held = new Map<string, Held>();
  readonly #views = new Map<string, View>();
  readonly #referenceIds = new WeakMap<NameReference, number>();
  #references = 0;
  #seq = 0;
  #today = '';
  #loaded = false;
  #dirty = true;
  #watching: Promise<void> | undefined;
  /** Without notifications (none given, or LISTEN failed) the store is asked on every read. */
  #alwaysCheck = false;
  #serial: Promise<unknown> = Promise.resolve();
  readonly #viewers = new Map<string, { viewer: Promise<Viewer>; readAt: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly viewerOfOrg: (orgId: string) => Promise<Viewer>,
    private readonly watch?: WatchChannel,
  ) {
    if (!watch) this.#alwaysCheck = true;
  }

  /**
   * The viewer an organisation is, read from the store at most every
   * `VIEWER_RECHECK_MS` (a screening request then makes no store round trip for it).
   */
  viewerOf(orgId: string): Promise<Viewer> {
    const now = performance.now();
    const known = this.#viewers.get(orgId);
    if (known && now - known.readAt < VIEWER_RECHECK_MS) return known.viewer;
    const viewer = this.viewerOfOrg(orgId);
    if (this.#viewers.size >= 10_000) this.#viewers.clear();
    this.#viewers.set(orgId, { viewer, readAt: now });
    viewer.catch(() => this.#viewers.delete(orgId));
    return viewer;
  }

  /** Marks the denials changed: the next read patches the indexes first. */
  changed(): void {
    this.#dirty = true;
  }

  /**
   * The index of the denied parties the viewer (an agency) may see, with the
   * given name reference: built on first use, then reused and patched.
   *
   * @example
   * const view = await sharing.denialScreens.open(viewer, service.reference);
   * screenParty(view.index, { name: 'Kaliningrad Instrument Works' });
   */
  open(viewer: Viewer, reference: NameReference): Promise<DenialView> {
    return this.#run(async () => {
      await this.#startWatching();
      await this.#sync();
      const key = this.#keyOf(viewer, reference);
      let view = this.#views.get(key);
      if (view) this.#views.delete(key);
      else view = await this.#build(viewer, reference);
      this.#views.set(key, view);
      if (this.#views.size > MAX_VIEWS) this.#views.delete(this.#views.keys().next().value as string);
      const v = view;
      return {
        index: v.index,
        get denials() {
          return v.denials;
        },
        get parties() {
          return v.index.size;
        },
        denialOf: (id) => this.#held.get(id)?.denial,
      };
    });
  }

  /** Runs `task` after every earlier read, patch and build. */
  #run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(task);
    this.#serial = next.catch(() => {});
    return next;
  }

  async #startWatching(): Promise<void> {
    if (!this.watch) return;
    // Subscribed before the first read, so no change falls between the two.
    this.#watching ??= this.watch(DENIAL_CHANGE_CHANNEL, () => this.changed()).then(
      () => {},
      () => {
        this.#alwaysCheck = true;
      },
    );
    await this.#watching;
  }

  #keyOf(viewer: Viewer, reference: NameReference): string {
    let ref = this.#referenceIds.get(reference);
    if (ref === undefined) this.#referenceIds.set(reference, (ref = ++this.#references));
    return `${ref}|${viewer.orgId}|${[...viewer.regimes].sort().join(',')}`;
  }

  /** Reads what changed since the last read (everything valid, the first time) and patches the indexes. */
  async #sync(): Promise<void> {
    const today = isoDay(this.clock.now());
    if (today !== this.#today) this.#expire(today);
    if (!this.#dirty && !this.#alwaysCheck) return;
    this.#dirty = false;
    if (!this.#loaded) {
      // The highest change number first: a change committed meanwhile is read again next time, not lost.
      const max = await sql<{ n: string | number | null }>`select max(change_seq) as n from denials`.execute(
        this.db,
      );
      const rows = await this.db
        .selectFrom('denials')
        .selectAll()
        .where('status', '=', 'active')
        .where('valid_until', '>=', today)
        .execute();
      for (const row of rows) this.#apply(row, today, new Set());
      this.#seq = Math.max(this.#seq, Number(max.rows[0]?.n ?? 0));
      this.#loaded = true;
      return;
    }
    const rows = await this.db
      .selectFrom('denials')
      .selectAll()
      .where('change_seq', '>', this.#seq)
      .orderBy('change_seq')
      .execute();
    const touched = new Set<View>();
    for (const row of rows) {
      this.#apply(row, today, touched);
      this.#seq = Math.max(this.#seq, Number(row.change_seq));
    }
    for (const view of touched) view.index.prepare();
  }

  /** Replaces what is held of one denial by its row (dropped when no longer valid), in every index. */
  #apply(row: Selectable<DenialRow>, today: string, touched: Set<View>): void {
    const next = denialFromRow(row);
    this.#replace(row.id, isDenialValid(next, today) ? next : undefined, touched);
  }

  #replace(id: string, next: Denial | undefined, touched: Set<View>): void {
    const old = this.#held.get(id);
    const held = next ? { denial: next, parties: partiesFromDenial(next) } : undefined;
    for (const view of this.#views.values()) {
      if (old && canSeeDenial(view.viewer, old.denial)) {
        for (const p of old.parties) view.index.remove(partyEntityId(p));
        view.denials--;
        touched.add(view);
      }
      if (held && canSeeDenial(view.viewer, held.denial)) {
        for (const p of held.parties) view.index.add(p);
        view.denials++;
        touched.add(view);
      }
    }
    if (held) this.#held.set(id, held);
    else this.#held.delete(id);
  }

  /** Drops the denials whose last valid day is before `today`. */
  #expire(today: string): void {
    const touched = new Set<View>();
    for (const [id, held] of this.#held)
      if (!isDenialValid(held.denial, today)) this.#replace(id, undefined, touched);
    for (const view of touched) view.index.prepare();
    this.#today = today;
  }

  /** Builds one agency's index from the held denials, yielding to the event loop between chunks. */
  async #build(viewer: Viewer, reference: NameReference): Promise<View> {
    this.builds++;
    const view: View = { viewer, index: new ScreeningIndex(reference), denials: 0 };
    let added = 0;
    for (const { denial, parties } of this.#held.values()) {
      if (!canSeeDenial(viewer, denial)) continue;
      view.denials++;
      for (const p of parties) view.index.add(p);
      added += parties.length;
      if (added >= BUILD_CHUNK) {
        added = 0;
        await yieldToLoop();
      }
    }
    view.index.prepare();
    return view;
  }
}
