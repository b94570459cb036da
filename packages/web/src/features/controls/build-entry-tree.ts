import type { ControlEntryHead } from '../../api/types.ts';

/** One node of a list's tree: an entry (or a category) and its children. */
export interface EntryNode {
  code: string;
  heading: string;
  reasons: string[];
  /** True when the entry's text could not be read. */
  unverified?: boolean;
  /** False for a category node that is not itself an entry. */
  isEntry: boolean;
  children: EntryNode[];
}

/** The names of the categories of the Wassenaar-structured lists (first digit of the code). */
export const CATEGORY_NAMES: Record<string, string> = {
  '0': 'Nuclear materials, facilities and equipment',
  '1': 'Special materials and related equipment',
  '2': 'Materials processing',
  '3': 'Electronics',
  '4': 'Computers',
  '5': 'Telecommunications and information security',
  '6': 'Sensors and lasers',
  '7': 'Navigation and avionics',
  '8': 'Marine',
  '9': 'Aerospace and propulsion',
};

/**
 * Builds the tree of a list from its entries' parent links; top-level entries
 * whose code starts with a digit are grouped under their category.
 */
export function buildEntryTree(entries: ControlEntryHead[]): EntryNode[] {
  const nodes = new Map<string, EntryNode>();
  for (const e of entries)
    nodes.set(e.code, {
      code: e.code,
      heading: e.heading,
      reasons: e.reasons ?? [],
      ...(e.unverified ? { unverified: true } : {}),
      isEntry: true,
      children: [],
    });
  const roots: EntryNode[] = [];
  for (const e of entries) {
    const node = nodes.get(e.code)!;
    const parent = e.parent ? nodes.get(e.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const categories = new Map<string, EntryNode>();
  const top: EntryNode[] = [];
  for (const r of roots) {
    const digit = /^\d/.test(r.code) ? r.code[0]! : undefined;
    if (digit === undefined || nodes.has(digit)) {
      top.push(r);
      continue;
    }
    let cat = categories.get(digit);
    if (!cat) {
      cat = {
        code: digit,
        heading: CATEGORY_NAMES[digit] ?? `Category ${digit}`,
        reasons: [],
        isEntry: false,
        children: [],
      };
      categories.set(digit, cat);
      top.push(cat);
    }
    cat.children.push(r);
  }
  const byCode = (a: EntryNode, b: EntryNode) => a.code.localeCompare(b.code, 'en', { numeric: true });
  const sortDeep = (list: EntryNode[]) => {
    list.sort(byCode);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(top);
  return top;
}
