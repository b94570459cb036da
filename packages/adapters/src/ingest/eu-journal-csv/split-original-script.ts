import { detectScript } from '@entente/core';

/**
 * Splits "Sergei AKSENOV (Сергей АКСЁНОВ)" into the Latin name and its
 * original-script form, so both are matched with their own script; a bracket
 * in the same script as the name ("Afghan Support Committee (ASC)") stays whole.
 */
export function splitOriginalScript(value: string): string[] {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(value.trim());
  if (!m) return [value];
  const outer = m[1] ?? '';
  const inner = m[2] ?? '';
  const outerScript = detectScript(outer);
  const innerScript = detectScript(inner);
  if (!outerScript || !innerScript || outerScript === innerScript) return [value];
  return [outer.trim(), inner.trim()];
}
