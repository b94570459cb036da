/**
 * How many companies of the realistic synthetic register (bench/synthetic-register.ts) are
 * flagged at the default threshold against the whole mirror (issue 14 part 9), and how many
 * would be without one scoring feature's term (`--without FEATURE`, a name of
 * `SCORING_FEATURES`): baseline in the same process, each hit's score less that feature's
 * explained term, so one screening gives both counts (hits are taken down to 0.3 under the
 * threshold, more than any one term moves a score). Companies that are listed names respelled
 * (1 % of the register, written in lower case) are counted apart: they must stay flagged.
 *
 *   npx tsx bench/register-org-flags.ts [--companies 2000] [--without FEATURE] [--register adversarial]
 *
 * `--register adversarial`: the organisations of the adversarial register instead (the one
 * `monitor-store.ts` screens by default; its listed names are not told apart, so every flag
 * is counted as "invented" — compare the lists of flags of two engines, not the rate).
 */
import { loadavg } from 'node:os';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLD, screenParty } from '../packages/core/src/index.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { registerKindArg, syntheticRegister } from './synthetic-register.ts';

const at = process.argv.indexOf('--companies');
const N = at > 0 ? Number(process.argv[at + 1]) : 2000;
const T = DEFAULT_SCREENING_THRESHOLD;
const w = process.argv.indexOf('--without');
const WITHOUT = w > 0 ? process.argv[w + 1]! : '';
const REGISTER = process.argv.includes('--register') ? registerKindArg() : 'realistic';

async function main(): Promise<void> {
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const parties = lists.flatMap((l) => l.parties);
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    reference,
  );
  // The register writes the listed names it respells in lower case, its invented companies capitalised.
  const listedLike = (name: string) => REGISTER === 'realistic' && name === name.toLowerCase();
  const companies = syntheticRegister(parties, N * 4, REGISTER)
    .filter((c) => c.type === 'organization')
    .slice(0, N);
  const cpu0 = process.cpuUsage();
  let before = 0;
  let after = 0;
  let listed = 0;
  let listedBefore = 0;
  let listedAfter = 0;
  const lost: string[] = [];
  const kept: string[] = [];
  for (const c of companies) {
    let old = 0;
    let now = 0;
    let top = '';
    for (const name of c.names) {
      const hits = screenParty(index, { name, schema: 'organization' }, { threshold: T - 0.3, limit: 50 });
      for (const h of hits) {
        const was = WITHOUT ? h.score - (h.features[WITHOUT] ?? 0) : h.score;
        if (was > old) {
          old = was;
          top = `${name} → ${h.matchedName} ${was.toFixed(3)} → ${h.score.toFixed(3)}`;
        }
        if (h.score > now) now = h.score;
      }
    }
    const isListed = c.names.some((n) => listedLike(n));
    if (isListed) {
      listed++;
      if (old >= T) listedBefore++;
      if (now >= T) listedAfter++;
      continue;
    }
    if (old >= T) before++;
    if (now >= T) after++;
    if (old >= T && now < T) lost.push(top);
    if (old >= T && now >= T) kept.push(top);
  }
  const cpu = process.cpuUsage(cpu0);
  const others = companies.length - listed;
  const pct = (n: number) => `${n} (${((100 * n) / Math.max(1, others)).toFixed(2)} %)`;
  console.log(
    `# ${REGISTER === 'realistic' ? 'Realistic' : 'Adversarial'}-register companies flagged at ${T} (mirror ${MIRROR})\n`,
  );
  console.log(`${companies.length} companies: ${others} invented, ${listed} listed names respelled`);
  const label = WITHOUT || '(no feature removed)';
  console.log(`invented companies flagged: without ${label} ${pct(before)}, as scored ${pct(after)}`);
  console.log(
    `listed names respelled flagged: without ${label} ${listedBefore}/${listed}, as scored ${listedAfter}/${listed}`,
  );
  console.log(
    `screening CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(
    `flagged only without the feature (top hit: score without → as scored):\n${lost.map((l) => `  ${l}`).join('\n')}\n`,
  );
  console.log(`flagged as scored:\n${kept.map((l) => `  ${l}`).join('\n')}`);
}

await main();
