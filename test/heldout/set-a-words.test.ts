import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_WORD_GROUPS } from '../../packages/core/src/screening/organisation-words.ts';
import { distinctiveWords } from '../../bench/heldout/set-un-spellings.ts';

const HELDOUT = path.resolve(import.meta.dirname, '../../bench/heldout');

/** What `@entente/core` may give set (a)'s definition: functions that hold no word list. */
const CORE_NAMES_ALLOWED = new Set(['namePartsOf', 'partyEntityId', 'Party']);

/** The import statements of a module that are kept at run time (not `import type`). */
function runtimeImports(file: string): { names: string[]; from: string }[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(?!type\s)([\s\S]*?)\s+from\s+'([^']+)';/gm)].map((m) => ({
    names: m[1]!
      .replace(/[{}]/g, ' ')
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!,
      )
      .filter(Boolean),
    from: m[2]!,
  }));
}

/** Every run-time import of set (a)'s definition and of the held-out modules it reaches. */
function setAImports(): { file: string; names: string[]; from: string }[] {
  const seen = new Set<string>();
  const found: { file: string; names: string[]; from: string }[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of runtimeImports(file)) {
      found.push({ file: path.basename(file), ...imp });
      if (imp.from.startsWith('./')) visit(path.join(HELDOUT, imp.from));
    }
  };
  visit(path.join(HELDOUT, 'set-un-spellings.ts'));
  return found;
}

describe("set (a)'s own word lists", () => {
  it('reads no word list of the engine, so no engine change can move a case between its groups', () => {
    const imports = setAImports();
    expect(imports.map((i) => i.from)).toContain('./set-a-words.ts');
    expect(imports.filter((i) => i.from.includes('packages/'))).toEqual([]);
    const fromCore = imports.filter((i) => i.from.startsWith('@entente/'));
    expect(fromCore.flatMap((i) => i.names).filter((n) => !CORE_NAMES_ALLOWED.has(n))).toEqual([]);
  });

  it('keeps a word distinctive that the engine came to read as generic after b67b935', () => {
    // h157 made "sarafi" and "exchange" generic organisation words of the engine; the set keeps b67b935's.
    expect(Object.values(ORGANISATION_WORD_GROUPS).flat()).toContain('sarafi');
    expect(distinctiveWords('Halvorsen Sarafi Exchange')).toEqual(['halvorsen', 'sarafi', 'exchange']);
    expect(distinctiveWords('Halvorsen Trading Company Ltd')).toEqual(['halvorsen']);
  });
});
