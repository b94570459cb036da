import {
  alignmentScore,
  lastAlignment,
  lengthWeight,
  type NameComparison,
  type PairSimilarity,
  type TokenWeight,
} from './align-tokens.ts';
import { compareJoined } from './compare-joined.ts';
import { compareNames } from './compare-names.ts';
import {
  compareReadTokenFacts,
  compareTokenFacts,
  type TokenFacts,
  type TokenSimilarity,
} from './compare-tokens.ts';
import { FEATURE_WEIGHTS } from './feature-table.ts';
import { genericOnlyCut } from './generic-words-lift.ts';
import { isOrganisationPair, isSyllabicName, lastNameFormFall, nameFeatureScore } from './name-features.ts';
import { writtenWords, type NameOrders } from './middle-names.ts';
import { listedNameOrder, writtenNameOrder, type NameOrder } from './name-order.ts';
import { hasSyllables, syllableConflicts } from './syllable-conflicts.ts';
import { rejoinParticles } from './name-particles.ts';
import type { NormalizedName } from './normalize-name.ts';
import type { IndexedName, ScreeningIndex } from './screening-index.ts';
import { tokenIdWeight } from './token-weight.ts';
import { TokenSlots } from './token-slots.ts';

/** A query name prepared once for scoring against many indexed names. */
export interface PreparedQuery {
  name: NormalizedName;
  weight: TokenWeight;
  facts: TokenFacts[];
  weights: number[];
  joined: string;
  /** Whether the query is written in Han, Hangul or kana (no contained-name credit). */
  syllabic: boolean;
  /** Whether the query's original-script tokens hold Hangul or kana (else no syllable can conflict). */
  syllables: boolean;
  /** Facts of the original-script tokens, computed at the first comparison that needs them. */
  originalFacts?: TokenFacts[];
  /** The token alignment's callbacks, made once per query and pointed at each name scored. */
  align: NameAlignment;
  /** The names' orders for `middleNamesLift`, made once per query and pointed at each name scored. */
  orders: QueryOrders;
}

/** The middle-names rule's view of the query's order and of the indexed name being scored (`current`). */
interface QueryOrders extends NameOrders {
  current: IndexedName | undefined;
}

/**
 * The order of an indexed name: written "SURNAME, Given", or from its party's published name parts.
 * The party is read only for a name without the comma: over a snapshot's columns (a pool worker's
 * index) reading it parses the party's JSON.
 */
export function indexedNameOrder(index: ScreeningIndex, name: IndexedName): NameOrder | undefined {
  if (orderIndex !== index) {
    orderIndex = index;
    orderMemo.clear();
  }
  let byText = orderMemo.get(name.entry);
  const known = byText?.get(name.text);
  if (known !== undefined) return known || undefined;
  const order = listedNameOrder(
    name.text,
    name.normalized.tokens,
    () => index.entry(name.entry)?.party.names,
  );
  if (orderMemo.size >= MAX_ORDER_ENTRIES) {
    orderMemo.clear();
    byText = undefined;
  }
  if (!byText) orderMemo.set(name.entry, (byText = new Map()));
  byText.set(name.text, order ?? false);
  return order;
}

/**
 * `indexedNameOrder`'s memo, per entry id and name as listed (false: no order): a name's order
 * reads only its text, its tokens and its party's published names, none of which changes while
 * the entry id is held (an index gives a party added again a new entry id), so it is computed
 * once per name, not once per query reading that asks (the bound's middle-names test, the
 * score's lift). Bounded: emptied at `MAX_ORDER_ENTRIES` parties.
 */
let orderIndex: ScreeningIndex | undefined;
const orderMemo = new Map<number, Map<string, NameOrder | false>>();
const MAX_ORDER_ENTRIES = 50_000;

function queryOrders(index: ScreeningIndex, name: NormalizedName): QueryOrders {
  // The query's words as written are read only by a middle-names rule that got that far (a few
  // names of a few queries): made then, not for every reading prepared (NFKD and a split).
  let written: ReadonlySet<string> | undefined;
  const orders: QueryOrders = {
    query: writtenNameOrder(name.text, name.tokens),
    listed: () => (orders.current ? indexedNameOrder(index, orders.current) : undefined),
    spellings: index.compiled.tokenSpellingGroups,
    get queryWritten() {
      return (written ??= writtenWords(name.text));
    },
    current: undefined,
  };
  return orders;
}

/** What `alignmentScore` reads of the query and of the indexed name being scored (`ids`, `tokens`). */
interface NameAlignment {
  ids: readonly number[];
  tokens: readonly string[];
  sim: PairSimilarity;
  qWeight: (i: number) => number;
  cWeight: (j: number) => number;
  cLength: (j: number) => number;
}

/**
 * The similarities of the query being scored to the index tokens it has compared: per token id
 * (`seenSlots`), the query's `qn` similarities from where its slot starts in `seenValues`, each
 * `undefined` until compared. One query at a time (its alignment, `seenOwner`): another query's
 * first comparison empties them (prepared queries are scored one after the other, so this drops
 * nothing still wanted). Reused from query to query: no map per query token, nor entries per pair.
 */
const seenSlots = new TokenSlots();
const seenValues: (TokenSimilarity | undefined)[] = [];
let seenOwner: NameAlignment | undefined;

/** The alignment callbacks of a query: four closures per query rather than per candidate name. */
function nameAlignment(
  index: ScreeningIndex,
  facts: TokenFacts[],
  weights: number[],
  vowelless: boolean,
): NameAlignment {
  const qn = facts.length;
  const align: NameAlignment = {
    ids: [],
    tokens: [],
    sim: (i, j) => {
      const id = align.ids[j]!;
      if (seenOwner !== align) {
        seenOwner = align;
        seenSlots.clear();
      }
      let at = seenSlots.find(id);
      if (at < 0) {
        at = seenSlots.add(id, qn);
        for (let k = 0; k < qn; k++) seenValues[at + k] = undefined;
      }
      let t = seenValues[at + i];
      if (t === undefined) {
        t = compareReadTokenFacts(facts[i]!, index.factsAt(id), vowelless);
        seenValues[at + i] = t;
      }
      return t;
    },
    qWeight: (i) => weights[i]!,
    cWeight: (j) => tokenIdWeight(index, align.ids[j]!),
    cLength: (j) => align.tokens[j]!.length,
  };
  return align;
}

/** Prepares a normalised query name for `scoreIndexedName`. */
export function prepareQuery(
  index: ScreeningIndex,
  name: NormalizedName,
  weight: TokenWeight,
): PreparedQuery {
  const facts = name.tokens.map((t) => index.factsOf(t));
  const weights = name.tokens.map((t) => weight(t));
  return {
    name,
    weight,
    facts,
    weights,
    joined: name.tokens.join(''),
    syllabic: isSyllabicName(name),
    syllables: !!name.originalTokens && hasSyllables(name.originalTokens),
    align: nameAlignment(index, facts, weights, !!name.vowelless),
    orders: queryOrders(index, name),
  };
}

/**
 * The name similarity `compareNames` gives a prepared query and an indexed
 * name under the index's token weights, computed on the index's precomputed
 * token facts, with each (query token, index token) comparison done once per
 * query however many candidate names share the token.
 */
export function scoreIndexedName(index: ScreeningIndex, query: PreparedQuery, name: IndexedName): number {
  const align = query.align;
  align.ids = name.tokenIds;
  align.tokens = name.normalized.tokens;
  const vowelless = !!query.name.vowelless;
  const base = alignmentScore(
    query.facts.length,
    name.tokenIds.length,
    align.sim,
    align.qWeight,
    align.cWeight,
    align.cLength,
  );
  const containment = query.syllabic
    ? 'none'
    : isOrganisationPair(query.name, name.normalized)
      ? 'organisation'
      : 'person';
  const generic = index.compiled.genericOrgWords;
  const translations = index.compiled.translations;
  query.orders.current = name;
  let score = nameFeatureScore(
    base,
    lastAlignment(),
    query.name.tokens,
    name.normalized.tokens,
    containment,
    generic,
    vowelless,
    translations,
    undefined,
    query.orders,
    index.compiled.orgFormWords,
  );
  const formFall = lastNameFormFall();
  if (score < 1) {
    // Particles written joined on one side and apart on the other ("vanderhoven", "van der hoven").
    const qt = query.name.tokens;
    const ct = name.normalized.tokens;
    const rc = rejoinParticles(qt, ct);
    const rq = rc ? undefined : rejoinParticles(ct, qt);
    if (rc || rq) {
      const a = rq ?? qt;
      const b = rc ?? ct;
      const af = a.map((t) => index.factsOf(t));
      const bf = b.map((t) => index.factsOf(t));
      const rejoined = alignmentScore(
        a.length,
        b.length,
        (i, j) => compareReadTokenFacts(af[i]!, bf[j]!, vowelless),
        (i) => query.weight(a[i]!),
        (j) => query.weight(b[j]!),
        (j) => b[j]!.length,
      );
      score = Math.max(
        score,
        nameFeatureScore(
          rejoined,
          lastAlignment(),
          a,
          b,
          containment,
          generic,
          vowelless,
          translations,
          undefined,
          undefined,
          index.compiled.orgFormWords,
        ),
      );
    }
  }
  // After a name-form fall, the names written without spaces are compared only when they hold as
  // many letters (a word break moved: "arefullaha ref" / "arefullah aref"), not when the letters
  // that make the other name are all they differ by ("gabriel" / "gabrielle").
  if (score < 1 && (formFall === 0 || query.joined.length === name.joined.length))
    score = Math.max(
      score,
      compareJoined(query.name.tokens, name.normalized.tokens, query.joined, name.joined),
    );
  const q = query.name.originalTokens;
  const c = name.normalized.originalTokens;
  if (score < 1 && q && c) {
    let original = originalScriptScore(index, query, q, c);
    // Organisation names in their original script: legal-form words agreeing alone say nothing.
    if (original > score && containment === 'organisation')
      original += genericOnlyCut(original, lastAlignment(), q, c, index.compiled.orgFormWords);
    if (original > score) score = original;
  }
  const differ = query.syllables ? syllableConflicts(q, c) : 0;
  return differ > 0 ? Math.max(0, score + FEATURE_WEIGHTS.syllableConflict * differ) : score;
}

/**
 * What the original-script alignment reads: the query's and the listed name's original-script
 * words and their facts (scratch, pointed at each pair compared; alignments are synchronous),
 * and its callbacks, made once rather than per name compared.
 */
const original = {
  q: [] as readonly string[],
  c: [] as readonly string[],
  qf: [] as TokenFacts[],
  cf: [] as TokenFacts[],
};
const originalSim: PairSimilarity = (i, j) => compareTokenFacts(original.qf[i]!, original.cf[j]!);
const originalQWeight = (i: number): number => lengthWeight(original.q[i]!);
const originalCWeight = (j: number): number => lengthWeight(original.c[j]!);

/** The alignment of the query's and a listed name's original-script words (`q`, `c`), by length. */
export function originalScriptScore(
  index: ScreeningIndex,
  query: PreparedQuery,
  q: readonly string[],
  c: readonly string[],
): number {
  const qf = (query.originalFacts ??= q.map((t) => index.factsOf(t)));
  // Listed original-script tokens are index keys: their facts were computed at index time.
  const cf = original.cf;
  cf.length = 0;
  for (const t of c) cf.push(index.factsOf(t));
  original.q = q;
  original.c = c;
  original.qf = qf;
  return alignmentScore(q.length, c.length, originalSim, originalQWeight, originalCWeight);
}

/** The full comparison (pairs, coverages, method) behind a `scoreIndexedName` score, for explanations. */
export function explainIndexedName(
  index: ScreeningIndex,
  query: PreparedQuery,
  name: IndexedName,
): NameComparison {
  // Each reading of a listed name is indexed as a name of its own: compare this one only.
  let normalized = name.normalized;
  if (normalized.readings) {
    normalized = {
      text: normalized.text,
      tokens: normalized.tokens,
      legalForms: normalized.legalForms,
      titles: normalized.titles,
    };
    if (name.normalized.schema) normalized.schema = name.normalized.schema;
    if (name.normalized.originalTokens) normalized.originalTokens = name.normalized.originalTokens;
  }
  // The words' facts as the score read them: the query's prepared, the index's own (the same
  // values `tokenFacts` makes from `index.compiled`, not made again for each name explained).
  const qTokens = query.name.tokens;
  const factsOf = (t: string): TokenFacts => {
    const i = qTokens.indexOf(t);
    return i >= 0 ? query.facts[i]! : index.factsOf(t);
  };
  return compareNames(
    query.name,
    normalized,
    index.compiled,
    query.weight,
    {
      query: query.orders.query,
      listed: () => indexedNameOrder(index, name),
      spellings: index.compiled.tokenSpellingGroups,
      get queryWritten() {
        return query.orders.queryWritten;
      },
    },
    factsOf,
  );
}
