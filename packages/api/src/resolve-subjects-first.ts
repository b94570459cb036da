import type { Services } from '@entente/adapters';
import { NAME_LINK_RULES_VERSION } from '@entente/core';

/**
 * On a server's first start (lists loaded, no resolution ever stored), or its first start on code
 * whose name link rules differ from those the stored resolution was made under, resolves the lists
 * into subjects fully in the background, so that screening groups by subject as these rules do
 * without anyone asking. Run after the screening index is loaded, so the two do not share the
 * start; `/health` lists `subjects` under `loading` meanwhile. Later list updates are followed by
 * the subjects' watch (`startServer`).
 */
export async function resolveSubjectsFirst(
  services: Pick<Services, 'subjects'>,
  loading: Set<string>,
  log: (line: string) => void,
): Promise<void> {
  try {
    const subjects = await services.subjects();
    const report = await subjects.resolveIfStale((why, before) => {
      loading.add('subjects');
      log(
        why === 'never-resolved'
          ? 'subjects: resolving the lists into subjects for the first time (screening groups by subject once done)'
          : `subjects: the stored subjects were resolved under other name link rules (${before ?? 'not recorded'}; now ${NAME_LINK_RULES_VERSION}): resolving every listing again (screening groups by the stored subjects until done)`,
      );
    });
    if (report)
      log(
        `subjects: ${report.subjects} subjects from ${report.current} listings (${report.multiSource} on several lists) in ${report.seconds.total.toFixed(1)} s`,
      );
  } catch (e) {
    log(`subjects: the first resolution failed (run \`entente subjects resolve\`): ${String(e)}`);
  } finally {
    loading.delete('subjects');
  }
}
