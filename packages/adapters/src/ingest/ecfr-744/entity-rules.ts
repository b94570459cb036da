/** Country headings of 15 CFR 744 supplements that the shared country table does not resolve. */
export const COUNTRY_HEADINGS: Record<string, string> = {
  'CRIMEA REGION OF UKRAINE': 'UA',
};

/**
 * Words that mark a listed name as an organization; the supplements do not say
 * whether an entry is a person, so names without these stay `unknown`.
 */
export const ORGANIZATION_WORDS =
  /\b(?:ltd|limited|inc|llc|l\.l\.c|co|corp|company|corporation|group|holding|holdings|institute|institution|university|academy|bureau|cent(?:er|re)|laboratory|lab|factory|plant|works|industr\w*|technolog\w*|trading|gmbh|jsc|ojsc|pjsc|ooo|oao|zao|ao|bank|ministry|department|enterprise|s\.a|electronics?|systems?|international|aviation|engineering|research|design|solutions|services|import|export|imp|exp|logistics|shipping|navigation|industries|fze|fzco|dmcc|pte|pvt|bhd|llp|plc|s\.r\.l|srl|office|agency|administration|authority|force|forces|army|navy|police|security|organization|organisation|association|foundation|committee|council|society|school|college|hospital|station|project|base)\b/i;

/** Where the Entity List and MEU are published (the eCFR appendix pages). */
export const SUPPLEMENT_URLS = {
  entityList:
    'https://www.ecfr.gov/current/title-15/part-744/appendix-Supplement%20No.%204%20to%20Part%20744',
  meu: 'https://www.ecfr.gov/current/title-15/part-744/appendix-Supplement%20No.%207%20to%20Part%20744',
} as const;
