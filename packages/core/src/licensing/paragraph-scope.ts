/**
 * Which paragraphs of an ECCN a licence-requirement row or exception flag
 * reaches: the entire entry, or listed paragraphs, minus exclusions, with any
 * free-text condition ("when usable in missiles") kept for the trace.
 */
export interface ParagraphScope {
  entire: boolean;
  include: string[];
  exclude: string[];
  condition?: string;
}

/** How a scope covers one item code. */
export type ScopeMatch = 'yes' | 'no' | 'partly';

// Relative references such as "z.2.a", "a.3", ".b" inside a list that began with a full code.
const TOKEN_RE =
  /(\d[A-E]\d{3}(?:\.[a-z0-9]{1,3})*)|(?<![\w.\u201c])(\.[a-z0-9]{1,3}(?:\.[a-z0-9]{1,3})*|[a-z]\.\d{1,2}(?:\.[a-z0-9]{1,3})*)(?![\w])/g;
const CONDITION_RE = /\b(when|if|being exported|for use in|that meet|provided|controlled for)\b/i;

/** The ECCN-relative paragraph codes named in `text` for `eccn` (other ECCNs are ignored). */
export function extractParagraphRefs(text: string, eccn: string): string[] {
  const refs: string[] = [];
  let base: string | undefined;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[1]) {
      const own = m[1].startsWith(eccn);
      base = own ? eccn : undefined;
      if (own && m[1].length > eccn.length) refs.push(m[1]);
      continue;
    }
    if (base === undefined || !m[2]) continue;
    refs.push(`${base}${m[2].startsWith('.') ? '' : '.'}${m[2]}`.replace(/\.$/, ''));
  }
  return [...new Set(refs)];
}

/**
 * Parses the control text of a requirement row ("MT applies to 3A001.a.1.a when
 * usable in missiles", "NS applies to entire entry except 0A501.y").
 */
export function parseParagraphScope(text: string, eccn: string): ParagraphScope {
  const lower = text.toLowerCase();
  const exceptAt = lower.search(/\bexcept\b/);
  if (
    /entire entry|this entry|all items|entire eccn|this eccn/.test(lower) &&
    !/applies to (items controlled by )?\d/.test(lower)
  ) {
    return exceptAt >= 0
      ? entireExcept(text.slice(exceptAt), eccn, text)
      : { entire: true, include: [], exclude: [] };
  }
  const head = exceptAt >= 0 ? text.slice(0, exceptAt) : text;
  const include = extractParagraphRefs(head, eccn);
  if (include.length === 0) {
    return {
      entire: true,
      include: [],
      exclude: [],
      ...(CONDITION_RE.test(text) ? { condition: text } : {}),
    };
  }
  const conditional = CONDITION_RE.test(text) || exceptAt >= 0;
  return { entire: false, include, exclude: [], ...(conditional ? { condition: text } : {}) };
}

/**
 * "Entire entry except …": an exclusion that holds only under a condition ("parts in 9A610.x if
 * being exported for use in an aircraft controlled in 9A610.b"; "Note: MT applies to equipment
 * in 1B001.d that meet …") excludes nothing by itself: the row keeps the paragraph and carries
 * the text as its condition, so the determination asks rather than clears.
 */
function entireExcept(exceptions: string, eccn: string, text: string): ParagraphScope {
  const exclude: string[] = [];
  let conditional = false;
  for (const clause of exceptions.split(/;|\.\s+(?=[A-Z])/)) {
    const refs = extractParagraphRefs(clause, eccn);
    if (refs.length > 0 && CONDITION_RE.test(clause)) conditional = true;
    else exclude.push(...refs);
  }
  return {
    entire: true,
    include: [],
    exclude: [...new Set(exclude)],
    ...(conditional ? { condition: text } : {}),
  };
}

/** True when `code` is `paragraph` or one of its sub-paragraphs. */
export function isWithinParagraph(code: string, paragraph: string): boolean {
  return code === paragraph || code.startsWith(`${paragraph}.`);
}

/**
 * Whether `scope` reaches `code`: 'partly' when the code is broader than a
 * scoped paragraph (the exporter must classify further).
 */
export function matchParagraphScope(scope: ParagraphScope, code: string): ScopeMatch {
  if (scope.exclude.some((p) => isWithinParagraph(code, p))) return 'no';
  if (scope.entire) return scope.exclude.some((p) => isWithinParagraph(p, code)) ? 'partly' : 'yes';
  if (scope.include.some((p) => isWithinParagraph(code, p))) return 'yes';
  if (scope.include.some((p) => isWithinParagraph(p, code))) return 'partly';
  return 'no';
}

/** The reasons for control named in text such as "N/A for MT, NP". */
export function extractReasonCodes(text: string): string[] {
  return [...new Set(text.match(/\b(NS|MT|NP|CB|RS|CC|AT|FC|EI|SL|UN|SI|CW)\b/g) ?? [])];
}
