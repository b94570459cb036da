import type { GeneralAuthorisation } from './determination-data.ts';
import { allVerified, type CodeFact, type FactSource } from './fact-citation.ts';
import { isWithinParagraph, type ScopeMatch } from './paragraph-scope.ts';

/** How one general authorisation relates to a shipment. */
export type GeneralAuthorisationFit = 'available' | 'to-check' | 'no';

/**
 * True when `code` is `prefix` or one of its paragraphs; a one-character prefix
 * is a whole category, a two-character one ("3D") a whole section of it.
 */
export function isCodeWithin(code: string, prefix: string): boolean {
  if (prefix.length <= 1 || /^\d[A-E]$/.test(prefix)) return code.startsWith(prefix);
  return isWithinParagraph(code, prefix);
}

/**
 * Whether a recorded code reaches an item, at paragraph precision: 'yes' when
 * the item is the code or one of its paragraphs (1C450.a.1.x under 1C450.a.1),
 * 'partly' when the item is broader than the code (1C450 over 1C450.a.1: the
 * exporter must classify further), 'no' otherwise (1C450.b is not 1C450.a.1).
 */
export function matchCodeFact(item: string, fact: CodeFact): ScopeMatch {
  const within = fact.wholeCategory ? item.startsWith(fact.code) : isWithinParagraph(item, fact.code);
  if (within) {
    const left = fact.except ?? [];
    if (left.some((e) => isWithinParagraph(item, e))) return 'no';
    return left.some((e) => isWithinParagraph(e, item)) ? 'partly' : 'yes';
  }
  return isWithinParagraph(fact.code, item) ? 'partly' : 'no';
}

/** The first recorded code that reaches the item fully, else the first that reaches it partly. */
export function findCodeFact<T extends CodeFact>(
  item: string,
  facts: readonly T[],
): { match: ScopeMatch; fact?: T } {
  let partly: T | undefined;
  for (const fact of facts) {
    const m = matchCodeFact(item, fact);
    if (m === 'yes') return { match: 'yes', fact };
    if (m === 'partly' && !partly) partly = fact;
  }
  return partly ? { match: 'partly', fact: partly } : { match: 'no' };
}

/** The result of matching one authorisation: fit, reason, and the sources it rests on. */
export interface GeneralAuthorisationMatch {
  fit: GeneralAuthorisationFit;
  why: string;
  sources: FactSource[];
}

/** Annex IV membership of the item as the EU engine found it. */
export interface AnnexIvFinding {
  match: ScopeMatch;
  source?: FactSource;
  code?: string;
}

/**
 * Whether a general authorisation fits an item and destination. 'available'
 * only for a 'determined' record open to every exporter whose destinations,
 * item scope and exclusions are verified and match; 'to-check' when it may
 * apply but the data cannot decide (unverified facts, a broader item code, a
 * licence only its holder may use); 'no' when a recorded fact rules it out.
 */
export function fitGeneralAuthorisation(
  ga: GeneralAuthorisation,
  item: string,
  destination: string,
  annexIv: AnnexIvFinding,
): GeneralAuthorisationMatch {
  if (ga.destinations && !ga.destinations.includes(destination))
    return { fit: 'no', why: `destination ${destination} is not covered`, sources: [ga.destinationsSource] };
  if (ga.excludeAnnexIv && annexIv.match === 'yes')
    return {
      fit: 'no',
      why: `${annexIv.code ?? item} is listed in Annex IV, whose items are excluded`,
      sources: annexIv.source ? [ga.exclusionsSource, annexIv.source] : [ga.exclusionsSource],
    };
  const excluded = findCodeFact(item, ga.excludedItems);
  if (excluded.match === 'yes' && excluded.fact)
    return { fit: 'no', why: `${excluded.fact.code} is excluded`, sources: [excluded.fact.source] };
  if (ga.itemScope && !ga.itemScope.some((p) => isCodeWithin(item, p) || isWithinParagraph(p, item)))
    return { fit: 'no', why: 'item outside its scope', sources: [ga.itemScopeSource] };
  const sources = [ga.source, ga.destinationsSource, ga.itemScopeSource, ga.exclusionsSource];
  if (excluded.match === 'partly' && excluded.fact)
    return {
      fit: 'to-check',
      why: `covered unless the item falls in the excluded ${excluded.fact.code}: classify to the paragraph`,
      sources: [...sources, excluded.fact.source],
    };
  if (ga.excludeAnnexIv && annexIv.match === 'partly')
    return {
      fit: 'to-check',
      why: `covered unless the item falls in Annex IV entry ${annexIv.code}: classify to the paragraph`,
      sources: annexIv.source ? [...sources, annexIv.source] : sources,
    };
  if (ga.itemScope && !ga.itemScope.some((p) => isCodeWithin(item, p)))
    return { fit: 'to-check', why: 'only some paragraphs of the item are in its scope', sources };
  const unread = findCodeFact(item, ga.unreadItems ?? []);
  if (unread.match !== 'no' && unread.fact)
    return {
      fit: 'to-check',
      why: `whether it covers ${unread.fact.code} was not read`,
      sources: [...sources, unread.fact.source],
    };
  if (ga.holderOnly)
    return { fit: 'to-check', why: 'requires that the exporter holds this licence', sources };
  if (ga.use === 'determined' && ga.destinations && allVerified(...sources))
    return { fit: 'available', why: 'destination and item covered', sources };
  return {
    fit: 'to-check',
    why: ga.destinations ? 'conditions must be checked' : 'destinations and conditions must be checked',
    sources,
  };
}
