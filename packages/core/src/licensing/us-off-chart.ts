import type { FactSource } from './fact-citation.ts';

/**
 * How an ECCN states a licence requirement that is not a Country Chart column
 * (15 CFR 738.3(a)): a licence for every destination (§738.3(a)(1)); no EAR
 * requirement because another agency's regulations govern the item ("subject
 * to the ITAR"); short supply (part 754); a requirement only to destinations
 * the entry itself names; a requirement set out in another provision of the
 * EAR; or an entry that holds no items and points elsewhere.
 */
export type UsOffChartKind =
  | 'all-destinations'
  | 'governed-elsewhere'
  | 'short-supply'
  | 'entry-destinations'
  | 'other-provision'
  | 'no-items';

/** One off-chart requirement fact of one ECCN (or paragraph), with its citation. */
export interface UsOffChartRule {
  /** The ECCN ("0A983") or paragraph ("5A001.f.1") the fact is about. */
  code: string;
  kind: UsOffChartKind;
  /** The reason for control the requirement rests on ("CC", "SL", "SS"), or the other authority's short name ("ITAR"). */
  reason: string;
  /** 'required': the text read says a licence is required; 'review': it was not read, or depends on facts the engine lacks. */
  licence: 'required' | 'review';
  /** Licence exceptions the text still allows (e.g. GOV); empty: none apply. */
  exceptions: string[];
  /** The conditions of those exceptions, in our words. */
  exceptionConditions?: string;
  /** The other authority's regulations, for 'governed-elsewhere' (e.g. "22 CFR parts 120–130 (ITAR)"). */
  authority?: string;
  /** What to read to settle the requirement (e.g. "15 CFR 754.3"). */
  read: string;
  /** What the provision says, in our words. */
  detail: string;
  source: FactSource;
}

/** The off-chart rules by code (ECCN or paragraph). */
export type UsOffChartRules = ReadonlyMap<string, UsOffChartRule>;

/** How the rule's code covers an item: exactly or by a parent ('yes'), only a part of the item ('partly'). */
export interface OffChartMatch {
  rule: UsOffChartRule;
  match: 'yes' | 'partly';
}

/**
 * The off-chart rule that reaches `item` (an ECCN or one of its paragraphs):
 * the rule of the item or of a parent paragraph ('yes'), else a rule of a
 * sub-paragraph of the item ('partly': classify further).
 */
export function findUsOffChartRule(
  rules: UsOffChartRules | undefined,
  item: string,
): OffChartMatch | undefined {
  if (!rules || rules.size === 0) return undefined;
  for (let code = item; ;) {
    const rule = rules.get(code);
    if (rule) return { rule, match: 'yes' };
    const dot = code.lastIndexOf('.');
    if (dot < 0) break;
    code = code.slice(0, dot);
  }
  const below = `${item}.`;
  for (const rule of paragraphRules(rules)) if (rule.code.startsWith(below)) return { rule, match: 'partly' };
  return undefined;
}

// The rules of paragraphs (5A001.f.1), per rules map: the only ones that can lie below an item.
const PARAGRAPH_RULES = new WeakMap<UsOffChartRules, UsOffChartRule[]>();

function paragraphRules(rules: UsOffChartRules): UsOffChartRule[] {
  let list = PARAGRAPH_RULES.get(rules);
  if (!list) {
    list = [...rules.values()].filter((r) => r.code.includes('.'));
    PARAGRAPH_RULES.set(rules, list);
  }
  return list;
}

/** True when the ECCN's heading says its items are "subject to the ITAR" (the CCL's own words). */
export function isSubjectToItarHeading(heading: string): boolean {
  // "(These items are / This entry is "subject to the ITAR." …)", not "not controlled by … or subject to the ITAR".
  return /\b(?:these items are|this entry is)\s+["\u201c]?subject to the ITAR/i.test(heading);
}
