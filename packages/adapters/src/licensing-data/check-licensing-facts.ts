import {
  DomainError,
  type AnnexIvEntry,
  type CodeFact,
  type FactSource,
  type GeneralAuthorisation,
} from '@entente/core';

const CONFIDENCES = ['high', 'medium', 'low'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Where a rejected record sits: the dataset file and the record's index. */
export interface RecordPlace {
  file: string;
  row: number;
  id: string;
}

function reject(at: RecordPlace, field: string, accepted: unknown): never {
  throw new DomainError('file-rejected', `Invalid licensing fact ${at.id} in ${at.file}`, {
    file: at.file,
    row: at.row,
    field,
    accepted,
  });
}

/**
 * Checks one fact citation: a provision; and where and when its text was
 * read when verified, or a note saying why not when unverified.
 */
export function checkFactSource(value: unknown, at: RecordPlace, field: string): FactSource {
  const s = value as Partial<FactSource> | undefined;
  if (!s || typeof s !== 'object') reject(at, field, 'a citation object {citation, status, readIn, readOn}');
  if (typeof s.citation !== 'string' || !s.citation) reject(at, `${field}.citation`, 'a non-empty string');
  if (s.status === 'verified') {
    if (typeof s.readIn !== 'string' || !s.readIn) reject(at, `${field}.readIn`, 'where the text was read');
    if (typeof s.readOn !== 'string' || !DATE_RE.test(s.readOn))
      reject(at, `${field}.readOn`, 'a date YYYY-MM-DD');
  } else if (s.status === 'unverified') {
    if (typeof s.note !== 'string' || !s.note) reject(at, `${field}.note`, 'why the fact is unverified');
  } else reject(at, `${field}.status`, ['verified', 'unverified']);
  return s as FactSource;
}

function checkCodeFact(value: unknown, at: RecordPlace, field: string): CodeFact {
  const c = value as Partial<CodeFact> | undefined;
  if (!c || typeof c.code !== 'string' || !c.code) reject(at, `${field}.code`, 'an item code');
  if (c.except !== undefined && !Array.isArray(c.except)) reject(at, `${field}.except`, 'a list of codes');
  checkFactSource(c.source, at, `${field}.source`);
  return c as CodeFact;
}

/** Checks one general authorisation with the citation of each of its facts. */
export function checkAuthorisation(value: unknown, file: string, row: number): GeneralAuthorisation {
  const ga = value as GeneralAuthorisation;
  const at = { file, row, id: typeof ga?.id === 'string' && ga.id ? ga.id : `#${row}` };
  if (typeof ga.id !== 'string' || !ga.id) reject(at, 'id', 'a non-empty string');
  if (!CONFIDENCES.includes(ga.confidence)) reject(at, 'confidence', CONFIDENCES);
  if (ga.use !== 'determined' && ga.use !== 'may-apply') reject(at, 'use', ['determined', 'may-apply']);
  if (typeof ga.holderOnly !== 'boolean') reject(at, 'holderOnly', 'true or false');
  if (ga.destinations !== null && !Array.isArray(ga.destinations))
    reject(at, 'destinations', 'ISO-2 codes or null');
  if (ga.use === 'determined' && ga.destinations === null)
    reject(at, 'destinations', "a list: a 'determined' authorisation needs known destinations");
  if (ga.itemScope !== null && !Array.isArray(ga.itemScope)) reject(at, 'itemScope', 'item codes or null');
  if (!Array.isArray(ga.excludedItems)) reject(at, 'excludedItems', 'a list of {code, source}');
  checkFactSource(ga.source, at, 'source');
  checkFactSource(ga.destinationsSource, at, 'destinationsSource');
  checkFactSource(ga.itemScopeSource, at, 'itemScopeSource');
  checkFactSource(ga.exclusionsSource, at, 'exclusionsSource');
  ga.excludedItems.forEach((c, i) => checkCodeFact(c, at, `excludedItems[${i}]`));
  if (ga.unreadItems !== undefined && !Array.isArray(ga.unreadItems))
    reject(at, 'unreadItems', 'a list of {code, source}');
  ga.unreadItems?.forEach((c, i) => {
    if (checkCodeFact(c, at, `unreadItems[${i}]`).source.status !== 'unverified')
      reject(at, `unreadItems[${i}].source.status`, 'unverified: an item whose coverage was not read');
  });
  return ga;
}

/** Checks one Annex IV entry: its code, its part (I, II or null when not read) and its citation. */
export function checkAnnexIvEntry(value: unknown, file: string, row: number): AnnexIvEntry {
  const e = value as AnnexIvEntry;
  const at = { file, row, id: `Annex IV ${e?.code ?? `#${row}`}` };
  checkCodeFact(e, at, 'annexIv');
  if (e.part !== null && e.part !== 'I' && e.part !== 'II') reject(at, 'part', ['I', 'II', null]);
  return e;
}

/**
 * A record of the UK dataset, which predates fact citations: its exclusions
 * and lists are carried over as unverified facts citing its legal basis.
 */
export function withUnverifiedSources(value: unknown): GeneralAuthorisation {
  const ga = value as Omit<GeneralAuthorisation, 'excludedItems'> & { excludedItems: (string | CodeFact)[] };
  const unverified: FactSource = {
    citation: ga.legalBasis,
    status: 'unverified',
    note: 'the UK dataset does not yet record where its facts were read',
  };
  return {
    ...ga,
    source: ga.source ?? unverified,
    destinationsSource: ga.destinationsSource ?? unverified,
    itemScopeSource: ga.itemScopeSource ?? unverified,
    exclusionsSource: ga.exclusionsSource ?? unverified,
    holderOnly: ga.holderOnly ?? false,
    excludedItems: (ga.excludedItems ?? []).map((c) =>
      typeof c === 'string' ? { code: c, source: unverified } : c,
    ),
  };
}
