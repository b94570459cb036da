// The words that make a listed name an organisation's, for the formats whose publishers do not say
// (the Entity List and MEU supplements of 15 CFR 744, the Denied Persons List).

/**
 * Words that mark a listed name as an organization; the publisher does not say
 * whether an entry is a person, so names without these stay `unknown`.
 */
export const ORGANIZATION_WORDS =
  /\b(?:ltd|limited|inc|llc|l\.l\.c|co|corp|company|corporation|group|holding|holdings|institute|institution|university|academy|bureau|cent(?:er|re)|laboratory|lab|factory|plant|works|industr\w*|technolog\w*|trading|gmbh|jsc|ojsc|pjsc|ooo|oao|zao|ao|bank|ministry|department|enterprise|s\.a|electronics?|systems?|international|aviation|engineering|research|design|solutions|services|import|export|imp|exp|logistics|shipping|navigation|industries|fze|fzco|dmcc|pte|pvt|bhd|llp|plc|s\.r\.l|srl|office|agency|administration|authority|force|forces|army|navy|police|security|organization|organisation|association|foundation|committee|council|society|school|college|hospital|station|project|base)\b/i;
