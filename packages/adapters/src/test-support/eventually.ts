/**
 * Retries `check` every 100 ms until it stops throwing (at most `tries` times),
 * for state that another process or connection changes. It waits; it asserts no speed.
 */
export async function eventually<T>(check: () => T | Promise<T>, tries = 300): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
