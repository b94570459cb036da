import type { DeterminationBuilder } from './determination.ts';
import { describeSource, type FactSource } from './fact-citation.ts';

/**
 * Item series that 15 CFR 740.2(a) names by pattern: the "600 series"
 * (ECCNs of the form xY6zz, §772.1), "9x515" (9A515 … 9E515) and the
 * "0Y521" series (0A521 … 0E521).
 */
export type UsItemSeries = '600-series' | '9x515' | '0Y521';

/** One paragraph of §740.2(a) that withdraws licence exceptions from some items, with its citation. */
export interface UsExceptionRestriction {
  /** The paragraph, e.g. "15 CFR 740.2(a)(12)". */
  id: string;
  /** ECCNs or paragraphs the text names ("2A983", "9D610.b"). */
  codes?: string[];
  /** Series the text names by pattern. */
  series?: UsItemSeries[];
  /** The restriction applies only when one of these reasons for control fired (e.g. "MT"). */
  whenReasons?: string[];
  /** The restriction applies only when the destination (or, with `orOrigin`, the country shipped from) is in one of these Country Groups. */
  whenGroups?: string[];
  /** With `whenGroups`: the country the item is shipped from counts too ("destined to, shipped from …"). */
  orOrigin?: boolean;
  /** The restriction does not apply when the destination is in one of these Country Groups. */
  unlessGroups?: string[];
  /** The only exceptions the text still allows; every other one is withdrawn. */
  allowed?: string[];
  /** Exceptions the text withdraws (when it names them rather than the ones left). */
  forbidden?: string[];
  /** Exceptions the text allows in addition for some paragraphs (e.g. 1A613.c → TMP, BAG). */
  alsoAllowed?: { codes: string[]; exceptions: string[] }[];
  /** Conditions of the exceptions left, in our words, by symbol. */
  allowedConditions?: Record<string, string>;
  /** A condition the data cannot check: the exporter is asked instead of the exceptions being withdrawn. */
  condition?: string;
  /** What the paragraph says, in our words. */
  detail: string;
  source: FactSource;
}

/** What the restriction check needs about the shipment. */
export interface UsRestrictionContext {
  item: string;
  /** Reasons for control that fired ("NS1", "MT1", …). */
  reasons: readonly string[];
  destinationGroups: readonly string[];
  originGroups: readonly string[];
}

const SERIES_RE: Record<UsItemSeries, RegExp> = {
  '600-series': /^\d[A-E]6\d\d(?:\.|$)/,
  '9x515': /^9[A-E]515(?:\.|$)/,
  '0Y521': /^0[A-E]521(?:\.|$)/,
};

/** How a code named by the text covers an item: the item or a parent ('yes'), or only a part of it ('partly'). */
function matchCode(code: string, item: string): 'yes' | 'partly' | 'no' {
  if (item === code || item.startsWith(`${code}.`)) return 'yes';
  return code.startsWith(`${item}.`) ? 'partly' : 'no';
}

/** How a restriction's items cover `item`. */
export function matchRestrictionItems(r: UsExceptionRestriction, item: string): 'yes' | 'partly' | 'no' {
  if (r.series?.some((s) => SERIES_RE[s].test(item))) return 'yes';
  let best: 'yes' | 'partly' | 'no' = 'no';
  for (const code of r.codes ?? []) {
    const m = matchCode(code, item);
    if (m === 'yes') return m;
    if (m === 'partly') best = m;
  }
  return best;
}

function hasAny(groups: readonly string[], wanted: readonly string[]): boolean {
  for (const g of wanted) if (groups.includes(g)) return true;
  return false;
}

function inPlay(r: UsExceptionRestriction, ctx: UsRestrictionContext): boolean {
  if (r.whenReasons && !ctx.reasons.some((x) => r.whenReasons!.includes(x.replace(/\d+$/, '')))) return false;
  if (r.unlessGroups && hasAny(ctx.destinationGroups, r.unlessGroups)) return false;
  if (r.whenGroups)
    return (
      hasAny(ctx.destinationGroups, r.whenGroups) || (!!r.orOrigin && hasAny(ctx.originGroups, r.whenGroups))
    );
  return true;
}

/** The restrictions that can reach an ECCN, by ECCN, and those that name a series, per restrictions list. */
interface RestrictionIndex {
  byEccn: Map<string, UsExceptionRestriction[]>;
  bySeries: Map<UsItemSeries, UsExceptionRestriction[]>;
}
const INDEXES = new WeakMap<readonly UsExceptionRestriction[], RestrictionIndex>();

function indexOf(restrictions: readonly UsExceptionRestriction[]): RestrictionIndex {
  let index = INDEXES.get(restrictions);
  if (index) return index;
  index = { byEccn: new Map(), bySeries: new Map() };
  const push = <K>(map: Map<K, UsExceptionRestriction[]>, key: K, r: UsExceptionRestriction) => {
    const list = map.get(key) ?? [];
    if (!list.includes(r)) list.push(r);
    map.set(key, list);
  };
  for (const r of restrictions) {
    for (const code of r.codes ?? []) push(index.byEccn, code.slice(0, 5), r);
    for (const s of r.series ?? []) push(index.bySeries, s, r);
  }
  INDEXES.set(restrictions, index);
  return index;
}

/** The restrictions that may reach `item`, in the dataset's order (most items: none, without scanning). */
function candidates(restrictions: readonly UsExceptionRestriction[], item: string): UsExceptionRestriction[] {
  const index = indexOf(restrictions);
  const byCode = index.byEccn.get(item.slice(0, 5));
  let bySeries: UsExceptionRestriction[] | undefined;
  for (const [s, list] of index.bySeries)
    if (SERIES_RE[s].test(item)) bySeries = bySeries ? [...bySeries, ...list] : list;
  if (!byCode && !bySeries) return NONE;
  return restrictions.filter((r) => byCode?.includes(r) || bySeries?.includes(r));
}

const NONE: UsExceptionRestriction[] = [];
// The citation as shown, per restriction: built once, not per determination.
const CITED = new WeakMap<UsExceptionRestriction, string>();

function citedOf(r: UsExceptionRestriction): string {
  let cited = CITED.get(r);
  if (cited === undefined) {
    cited = describeSource(r.source);
    CITED.set(r, cited);
  }
  return cited;
}

function keeps(r: UsExceptionRestriction, item: string, id: string): boolean {
  if (r.forbidden) return !r.forbidden.includes(id);
  if (r.allowed?.includes(id)) return true;
  return (r.alsoAllowed ?? []).some(
    (a) => a.exceptions.includes(id) && a.codes.some((c) => matchCode(c, item) === 'yes'),
  );
}

/**
 * Applies the restrictions of 15 CFR 740.2(a) that reach the item: withdraws
 * every licence exception the paragraph does not leave (offered or to check),
 * or asks the exporter where the paragraph turns on a fact the data lacks. An
 * item only partly covered (not classified to the paragraph) loses them too,
 * with a question, so an exception is never offered where §740.2 may forbid it.
 */
export function applyUsExceptionRestrictions(
  restrictions: readonly UsExceptionRestriction[] | undefined,
  ctx: UsRestrictionContext,
  out: DeterminationBuilder,
): void {
  if (!restrictions || restrictions.length === 0) return;
  for (const r of candidates(restrictions, ctx.item)) {
    const match = matchRestrictionItems(r, ctx.item);
    if (match === 'no' || !inPlay(r, ctx)) continue;
    const cited = citedOf(r);
    out.add('citations', r.id);
    if (r.condition) {
      out.add('questions', `${r.condition} (${r.id})`);
      out.step(`${r.id.replace('15 CFR ', '§')} restriction`, 'question', r.detail, cited);
      continue;
    }
    if (match === 'partly')
      out.add(
        'questions',
        `${r.id} restricts licence exceptions for part of ${ctx.item} (${r.codes?.join(', ')}): classify to the paragraph level.`,
      );
    const withdrawn = [
      ...out.exceptions.filter((id) => !keeps(r, ctx.item, id)),
      ...out.toCheck.filter((t) => !keeps(r, ctx.item, t.id)).map((t) => t.id),
    ];
    for (let i = out.exceptions.length - 1; i >= 0; i--)
      if (!keeps(r, ctx.item, out.exceptions[i]!)) out.exceptions.splice(i, 1);
    for (let i = out.toCheck.length - 1; i >= 0; i--) {
      const t = out.toCheck[i]!;
      if (!keeps(r, ctx.item, t.id)) out.toCheck.splice(i, 1);
      else if (r.allowedConditions?.[t.id])
        out.toCheck[i] = {
          ...t,
          conditions: r.allowedConditions[t.id]!,
          citation: r.id,
          status: r.source.status,
        };
    }
    const gone = withdrawn.length > 0 ? ` Withdrawn: ${[...new Set(withdrawn)].join(', ')}.` : '';
    out.step(`${r.id.replace('15 CFR ', '§')} restriction`, 'applies', `${r.detail}.${gone}`, cited);
  }
}
