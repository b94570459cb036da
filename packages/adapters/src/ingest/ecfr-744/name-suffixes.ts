/**
 * Words that continue a company name after a comma ("Huawei Technologies Co., Ltd.",
 * "Acme, Inc."): the Entity List writes "Name, address", so the name ends at the
 * first comma that is not followed by one of these. Compared lower-case, dots removed.
 */
export const NAME_CONTINUATIONS: readonly string[] = [
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'l l c',
  'llp',
  'lp',
  'co',
  'corp',
  'corporation',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  's a',
  'sas',
  'sarl',
  's a r l',
  'srl',
  's r l',
  'spa',
  's p a',
  'sl',
  's l',
  'ltda',
  'bv',
  'b v',
  'nv',
  'n v',
  'ab',
  'as',
  'a s',
  'oy',
  'kft',
  'sro',
  's r o',
  'pte',
  'pvt',
  'private limited',
  'sdn bhd',
  'bhd',
  'fze',
  'fzco',
  'fz llc',
  'fz-llc',
  'dmcc',
  'llc fz',
  'jsc',
  'ojsc',
  'cjsc',
  'pjsc',
  'ooo',
  'oao',
  'zao',
  'ao',
  'pao',
  'too',
  'tic',
  'ltd sti',
  'san ve tic',
  'sa de cv',
  's a de c v',
  'de cv',
  's de rl',
  's de r l',
  'pty',
  'pty ltd',
  'ltd co',
  'co ltd',
  'l t d',
  'jr',
  'sr',
  'ii',
  'iii',
  'esq',
  'phd',
];

const CONTINUATION_SET = new Set(NAME_CONTINUATIONS);

/** True when the text after a comma continues the name (a legal-form suffix) rather than starting the address. */
export function continuesName(after: string): boolean {
  const words = after
    .replace(/\./g, ' ')
    .toLowerCase()
    .split(/[\s,;()]+/)
    .filter(Boolean);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    if (CONTINUATION_SET.has(words.slice(0, n).join(' '))) return true;
  }
  return false;
}

/** Words naming a unit of an organization ("Academy of …, Institute of Basic Medicine, 27 Taiping Road"). */
const UNIT_WORDS =
  /\b(?:institute|institution|department|branch|division|laborator(?:y|ies)|academy|university|college|school|faculty|bureau|company|corporation|group|factory|plant)\b/i;

/** True when the comma-separated chunk after a comma names a unit of the organization (no digits, a unit word) rather than an address part. */
export function isOrganizationUnit(after: string): boolean {
  const chunk = after.split(',')[0]!;
  return (
    !/\d/.test(chunk) &&
    UNIT_WORDS.test(chunk) &&
    !/\b(?:street|road|avenue|building|floor|room|district|city|province)\b/i.test(chunk)
  );
}
