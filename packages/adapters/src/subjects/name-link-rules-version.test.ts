import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAME_LINK_RULES_VERSION } from '@entente/core';

/**
 * The sources of the name link rules, from the repository's `packages/`: what makes a name link and
 * what it is made from (the listings read, the screening by name in this thread or the workers).
 * A change of these may make other links than a store holds (`NAME_LINK_RULES_VERSION`).
 */
const RULE_SOURCES = [
  'core/src/subjects/name-links.ts',
  'core/src/subjects/shared-names.ts',
  'adapters/src/subjects/load-listings.ts',
  'adapters/src/subjects/name-links-in-workers.ts',
];

/**
 * The sources as they were when `NAME_LINK_RULES_VERSION` was last set or confirmed: when they
 * change, decide whether links may come out otherwise (then set the version to the day's date, so
 * that a store resolved before screens every listing again), and record the version and hash here.
 */
const RECORDED = {
  version: '2026-12-07',
  sha256: '9778c79549cb811733ca168b3d22692163d4b0825039f569f3301322161d1251',
};

const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

function hashOfRuleSources(): string {
  const hash = createHash('sha256');
  for (const file of RULE_SOURCES) hash.update(`${file}\0${read(file)}\0`);
  return hash.digest('hex');
}

describe('the name link rules version', () => {
  it('was set or confirmed for the rule sources as they are', () => {
    const sha256 = hashOfRuleSources();
    expect(
      sha256,
      `The name link rule sources (${RULE_SOURCES.join(', ')}) changed since NAME_LINK_RULES_VERSION ` +
        `(core subjects/name-links.ts) was last considered. If links may come out otherwise, set it to ` +
        `today's date (stores resolved before then screen every listing again); either way record ` +
        `{ version: '<the version>', sha256: '${sha256}' } in name-link-rules-version.test.ts (sha256 of the version's file included).`,
    ).toBe(RECORDED.sha256);
    expect(NAME_LINK_RULES_VERSION, 'record the new version beside the hash').toBe(RECORDED.version);
  });

  it('covers each module of core subjects/ whose code the rules run', () => {
    const core = RULE_SOURCES.filter((f) => f.startsWith('core/src/subjects/'));
    for (const file of core)
      for (const [, module] of read(file).matchAll(/^import (?!type )[^;]*from '\.\/([\w-]+\.ts)';$/gm))
        expect(RULE_SOURCES, `${file} runs ${module}`).toContain(`core/src/subjects/${module}`);
  });
});
