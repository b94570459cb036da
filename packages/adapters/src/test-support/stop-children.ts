import type { ChildProcess } from 'node:child_process';

/**
 * Sends SIGTERM to each child and waits until every one has exited (SIGKILL after `graceMs`).
 * A test that drops a PostgreSQL schema after its API nodes must wait: a node still finishing
 * its work holds locks on the schema's tables, and `drop schema … cascade` beside it can end
 * in "deadlock detected".
 */
export async function stopChildren(children: Iterable<ChildProcess>, graceMs = 10_000): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
