import { sql, type Kysely } from 'kysely';
import { DomainError } from '@entente/core';
import { rootCode, type ControlEntry, type ControlJurisdiction, type Correspondence } from '@entente/core';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import type { Database } from '../store/database.ts';

/** Lists searched for each jurisdiction. */
const LISTS_OF: Readonly<Record<ControlJurisdiction, string[]>> = Object.freeze({
  US: ['US', 'USML'],
  EU: ['EU'],
  UK: ['UK'],
  JP: ['JP'],
});

/** Weights of the named ranking factors (full-text rank and trigram word similarity). */
const WEIGHTS = Object.freeze({ fullText: 1, trigram: 0.5 });

/** One ranked candidate entry for a product description. */
export interface ClassifyHit {
  id: string;
  entry: ControlEntry;
  score: number;
  features: { fullText: number; trigram: number };
  /** The searched text of the entry (code, heading, text). */
  matchedText: string;
  /** Crosswalk links of the entry or of its top-level entry. */
  counterparts: Correspondence[];
}

function orQuery(text: string): string {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return [...new Set(words)].filter((w) => w.length > 1).join(' | ');
}

/**
 * Ranks entries of every list (or one jurisdiction's) for a description, by
 * PostgreSQL full-text rank over code, heading and text plus pg_trgm word
 * similarity, each hit with its cross-walked counterparts.
 *
 * @example
 * await classifyEntries(db, 'radiation-hardened integrated circuit', { limit: 5 });
 */
export async function classifyEntries(
  db: Kysely<Database>,
  text: string,
  options: { jurisdiction?: ControlJurisdiction; limit?: number; at?: string } = {},
): Promise<ClassifyHit[]> {
  const query = orQuery(text);
  if (!query)
    throw new DomainError('invalid-input', 'The description has no searchable words', { field: 'text' });
  const store = new PostgresControlStore(db);
  const versionIds = await store.currentVersionIds(options.at);
  if (versionIds.length === 0) return [];
  const lists = options.jurisdiction ? LISTS_OF[options.jurisdiction] : undefined;
  const limit = options.limit ?? 10;
  const rows = await sql<{
    list_id: string;
    code: string;
    search_text: string;
    data: ControlEntry;
    fts: number;
    trgm: number;
  }>`
    select v.list_id, e.code, e.search_text, e.data,
      ts_rank(to_tsvector('english', e.search_text), to_tsquery('english', ${query})) as fts,
      word_similarity(${text}, e.search_text) as trgm
    from control_entries e join control_list_versions v on v.id = e.version_id
    where e.version_id in (${sql.join(versionIds)})
      ${lists ? sql`and v.list_id in (${sql.join(lists)})` : sql``}
      and (to_tsvector('english', e.search_text) @@ to_tsquery('english', ${query}) or ${text} <% e.search_text)
    order by (ts_rank(to_tsvector('english', e.search_text), to_tsquery('english', ${query})) * ${WEIGHTS.fullText}
      + word_similarity(${text}, e.search_text) * ${WEIGHTS.trigram}) desc, e.code
    limit ${limit}`.execute(db);
  const hits: ClassifyHit[] = [];
  for (const r of rows.rows) {
    const id = `${r.list_id}:${r.code}`;
    const root = `${r.list_id}:${rootCode(r.code)}`;
    const counterparts = await store.correspondences(id);
    if (root !== id) counterparts.push(...(await store.correspondences(root)));
    const features = { fullText: Number(r.fts), trigram: Number(r.trgm) };
    hits.push({
      id,
      entry: r.data,
      score: features.fullText * WEIGHTS.fullText + features.trigram * WEIGHTS.trigram,
      features,
      matchedText: r.search_text,
      counterparts,
    });
  }
  return hits;
}
