/**
 * Legal forms (the `generic` kinds of the reference's organisation types) of bodies that may
 * not distribute profit: a non-governmental or non-profit organisation, a charity, a
 * foundation ("NGO"), a religious organisation ("REL").
 */
const NON_PROFIT_FORMS: ReadonlySet<string> = new Set(['NGO', 'REL']);

/**
 * Legal forms of companies owned by members or shareholders for profit: limited liability
 * companies, joint-stock companies, partnerships, joint ventures. State enterprises,
 * cooperatives and the rest are left out: a body re-registered from one of those to a company
 * keeps its name, and lists write both forms as aliases of one party.
 */
const COMPANY_FORMS: ReadonlySet<string> = new Set(['LLC', 'JSC', 'LP', 'GP', 'LLP', 'JV']);

/** Whether a name carries legal forms and every one of them is of `kind`. */
function allOf(forms: readonly string[], kind: ReadonlySet<string>): boolean {
  return forms.length > 0 && forms.every((f) => kind.has(f));
}

/**
 * Whether two organisation names' legal forms are of opposite kinds, one a non-profit body's
 * and the other a company's ("ANO X", an autonomous non-profit organisation, and "LLC X"):
 * not two spellings of one body's form but two bodies sharing a name (issue 14, class 5). Only
 * when each name carries forms of one kind alone.
 *
 * @example
 * legalKindsConflict(['NGO'], ['LLC']) // true
 * legalKindsConflict(['JSC'], ['LLC']) // false
 */
export function legalKindsConflict(query: readonly string[], listed: readonly string[]): boolean {
  return (
    (allOf(query, NON_PROFIT_FORMS) && allOf(listed, COMPANY_FORMS)) ||
    (allOf(query, COMPANY_FORMS) && allOf(listed, NON_PROFIT_FORMS))
  );
}
