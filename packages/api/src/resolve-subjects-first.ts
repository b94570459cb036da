import type { Services } from '@entente/adapters';

/**
 * On a server's first start (lists loaded, no resolution ever stored), resolves the lists into
 * subjects in the background, so that screening groups by subject without anyone asking. Run after
 * the screening index is loaded, so the two do not share the start; `/health` lists `subjects`
 * under `loading` meanwhile. Later list updates are followed by the subjects' watch (`startServer`).
 */
export async function resolveSubjectsFirst(
  services: Pick<Services, 'subjects'>,
  loading: Set<string>,
  log: (line: string) => void,
): Promise<void> {
  try {
    const subjects = await services.subjects();
    const report = await subjects.resolveIfNeverResolved(() => {
      loading.add('subjects');
      log(
        'subjects: resolving the lists into subjects for the first time (screening groups by subject once done)',
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
