/**
 * Listed names that name no body: every word left after their legal forms is a generic word, an
 * article or a connector between words (`namesBody` false), so the screening finds them only as
 * whole names, never "contained" in a longer query. Prints how many distinct (schema, name) pairs
 * of the mirror are such names, and each with its legal forms, tokens and listings, split by
 * whether a legal form was read (`docs/decisions/2026-12-07-generic-only-listed-names.md`).
 *
 *   npx tsx bench/generic-only-listed-names.ts
 */
import { compileNameReference, namesBody, normalizeName } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

interface Found {
  name: string;
  schema: string;
  forms: string[];
  tokens: string[];
  listings: Set<string>;
}

const reference = await loadNameReference(MIRROR);
const generic = compileNameReference(reference).genericOrgWords;
const lists = await loadMirrorLists(MIRROR, () => {});
const distinct = new Set<string>();
const found = new Map<string, Found>();
for (const list of lists)
  for (const party of list.parties)
    for (const { full } of party.names) {
      const key = `${party.schema}\u0000${full}`;
      distinct.add(key);
      const norm = normalizeName(full, reference, party.schema);
      // The containment rule reads only organisation pairs: a body's schema or a legal form.
      const body = party.schema === 'organization' || party.schema === 'vessel' || norm.legalForms.length > 0;
      if (!body || norm.tokens.length === 0 || namesBody(norm.tokens, generic)) continue;
      let f = found.get(key);
      if (!f)
        found.set(
          key,
          (f = {
            name: full,
            schema: party.schema,
            forms: norm.legalForms,
            tokens: norm.tokens,
            listings: new Set(),
          }),
        );
      f.listings.add(`${list.source}:${party.sourceId}`);
    }
const rows = [...found.values()].sort(
  (a, b) => a.forms.length - b.forms.length || a.name.localeCompare(b.name),
);
const withForm = rows.filter((r) => r.forms.length > 0).length;
console.log(
  `${distinct.size} distinct (schema, name) pairs; ${rows.length} name no body (${withForm} with a legal form read, ${rows.length - withForm} without)`,
);
for (const r of rows)
  console.log(
    `${r.forms.length > 0 ? r.forms.join('+') : '-'}\t${r.schema}\t${JSON.stringify(r.name)}\t[${r.tokens.join(' ')}]\t${[...r.listings].join(' ')}`,
  );
