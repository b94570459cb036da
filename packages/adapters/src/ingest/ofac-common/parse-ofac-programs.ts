/**
 * The programme tags of OFAC's program column. The legacy CSV strips the outer
 * brackets, so `[SDGT] [IRGC]` arrives as `SDGT] [IRGC`.
 *
 * @example
 * parseOfacPrograms('SDGT] [IRGC') // ['SDGT', 'IRGC']
 */
export function parseOfacPrograms(text: string): string[] {
  const programs: string[] = [];
  for (const part of text.split(/\]\s*\[/)) {
    const program = part.replace(/[[\]]/g, '').trim();
    if (program && !programs.includes(program)) programs.push(program);
  }
  return programs;
}
