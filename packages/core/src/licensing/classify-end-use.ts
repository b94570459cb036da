/** The kinds of declared end use the catch-all rules distinguish. */
export type EndUseKind = 'unknown' | 'civil' | 'military' | 'wmd' | 'surveillance';

// Keyword tables, checked in this order: the most serious match wins.
const END_USE_PATTERNS: [EndUseKind, RegExp][] = [
  [
    'wmd',
    /\b(nuclear (weapon|explosive)|weapons? of mass destruction|wmd|chemical weapon|biological weapon|missile|rocket|uav|drone|enrichment|reprocessing)\b/i,
  ],
  [
    'surveillance',
    /\b(surveillance|interception|lawful intercept|monitoring of (persons|communications)|spyware|facial recognition)\b/i,
  ],
  [
    'military',
    /\b(military|defen[cs]e|army|navy|air force|armed forces|weapon|munition|police|security forces)\b/i,
  ],
];

/** Classifies a declared end-use text; an empty or absent text is 'unknown'. */
export function classifyEndUse(text: string | undefined): EndUseKind {
  if (!text || !text.trim() || /^(unknown|n\/a|none|not known)$/i.test(text.trim())) return 'unknown';
  for (const [kind, re] of END_USE_PATTERNS) if (re.test(text)) return kind;
  return 'civil';
}
