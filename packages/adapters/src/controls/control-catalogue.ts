import {
  DomainError,
  LIST_JURISDICTION,
  codeLineage,
  findEntry,
  type ControlList,
  type ControlListId,
  type Correspondence,
  type CorrespondenceType,
  type Counterpart,
  type FoundEntry,
} from '@entente/core';

/** Every list id the catalogue knows, in display order. */
export const CONTROL_LIST_IDS: readonly ControlListId[] = [
  'US',
  'USML',
  'EU',
  'UK',
  'JP',
  'WA',
  'MTCR',
  'NSG',
  'AG',
];

const INVERSE: Readonly<Record<CorrespondenceType, CorrespondenceType>> = {
  same: 'same',
  broader: 'narrower',
  narrower: 'broader',
  overlaps: 'overlaps',
};

/** The relation of an entry to its ancestor's counterpart: inside it when the ancestor is inside or equal to it. */
function throughAncestor(ancestorType: CorrespondenceType): CorrespondenceType {
  return ancestorType === 'same' || ancestorType === 'narrower' ? 'narrower' : 'overlaps';
}

/** Regime lists: their category entries carry the row-level links of Japan's list. */
const REGIME_LISTS = new Set(['WA', 'MTCR', 'NSG', 'AG']);

/** The list part of an entry id. */
function listOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** Splits `LIST:code` into a known list id and a code, or throws naming the field and the accepted lists. */
export function parseEntryId(value: string, field = 'entry'): { list: ControlListId; code: string } {
  const i = value.indexOf(':');
  const list = (i > 0 ? value.slice(0, i) : '').trim().toUpperCase() as ControlListId;
  const code = i > 0 ? value.slice(i + 1).trim() : '';
  if (!CONTROL_LIST_IDS.includes(list) || !code) {
    throw new DomainError('invalid-input', `"${value}" is not LIST:code`, {
      field,
      accepted: `LIST:code with LIST one of ${CONTROL_LIST_IDS.join(', ')} (e.g. US:3A001.a.1)`,
    });
  }
  return { list, code };
}

/**
 * The control lists in force and the crosswalk between them, held in memory:
 * entry look-up by `LIST:code` (nearest enclosing entry) and counterparts of
 * an entry through the crosswalk, one hop plus the links of its `same`
 * counterparts and of the regime categories above them.
 */
export class ControlCatalogue {
  readonly lists: ControlList[];
  readonly correspondences: Correspondence[];
  private readonly links = new Map<string, Correspondence[]>();
  private readonly headings = new Map<string, string>();

  constructor(lists: ControlList[], correspondences: Correspondence[]) {
    this.lists = lists;
    this.correspondences = correspondences;
    for (const c of correspondences) {
      for (const id of [c.from, c.to]) this.links.set(id, [...(this.links.get(id) ?? []), c]);
    }
    for (const l of lists) for (const e of l.entries) this.headings.set(`${l.id}:${e.code}`, e.heading);
  }

  /** The list version of `listId` held by the catalogue. */
  list(listId: string): ControlList | undefined {
    return this.lists.find((l) => l.id === listId);
  }

  /** The jurisdiction a list binds, if any. */
  jurisdictionOf(listId: string): string | undefined {
    return LIST_JURISDICTION[listId as ControlListId];
  }

  /** Resolves `LIST:code` to the entry or its nearest enclosing entry. */
  find(id: string): FoundEntry | undefined {
    const { list, code } = parseEntryId(id);
    return findEntry(this.lists, list, code);
  }

  /** Resolves `LIST:code` exactly; undefined when only an ancestor exists. */
  findExact(id: string): FoundEntry | undefined {
    const found = this.find(id);
    return found?.exact ? found : undefined;
  }

  /** Direct crosswalk links of one entry id, as counterparts. */
  directLinks(id: string): Counterpart[] {
    return (this.links.get(id) ?? []).map((c) => {
      const other = c.from === id ? c.to : c.from;
      return {
        id: other,
        ...(this.headings.has(other) ? { heading: this.headings.get(other) as string } : {}),
        type: c.from === id ? c.type : INVERSE[c.type],
        basis: c.basis,
        ...(c.note ? { note: c.note } : {}),
        ...(c.warning ? { warning: c.warning } : {}),
        ...(c.source ? { source: c.source } : {}),
      };
    });
  }

  /**
   * Every counterpart of an entry: its direct links (or those of its nearest
   * linked ancestor), the links of its `same` counterparts, and the
   * category-level links (Japan's rows) of the regime entries above them.
   */
  counterparts(id: string): Counterpart[] {
    const { list, code } = parseEntryId(id);
    let start = `${list}:${code}`;
    for (const c of codeLineage(code)) {
      if (this.links.has(`${list}:${c}`)) {
        start = `${list}:${c}`;
        break;
      }
    }
    const out = new Map<string, Counterpart>();
    const add = (c: Counterpart) => {
      if (c.id !== id && c.id !== start && !out.has(c.id)) out.set(c.id, c);
    };
    const direct = this.directLinks(start).map((c) =>
      start === id ? c : { ...c, type: throughAncestor(c.type), via: start },
    );
    direct.forEach(add);
    for (const d of direct) {
      if (d.type === 'same' && !d.warning) for (const c of this.directLinks(d.id)) add({ ...c, via: d.id });
      const [otherList, otherCode] = [listOf(d.id), d.id.slice(d.id.indexOf(':') + 1)];
      if (!REGIME_LISTS.has(otherList)) continue;
      // Category-level links (Japan's rows) reach lists no entry-level link reached.
      for (const ancestor of codeLineage(otherCode).slice(1)) {
        const ancestorId = `${otherList}:${ancestor}`;
        const reached = new Set([list, ...[...out.keys()].map(listOf)]);
        for (const c of this.directLinks(ancestorId)) {
          if (!reached.has(listOf(c.id))) add({ ...c, type: throughAncestor(c.type), via: ancestorId });
        }
      }
    }
    return [...out.values()];
  }

  /** The list versions the catalogue holds, for decision records. */
  versions(): { list: string; version: string; validFrom: string }[] {
    return this.lists.map((l) => ({ list: l.id, version: l.version, validFrom: l.validFrom }));
  }
}
