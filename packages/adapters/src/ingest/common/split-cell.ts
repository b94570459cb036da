import { parse } from 'csv-parse/sync';

/**
 * The values of a multi-valued EU Journal cell: `;`-separated, with values
 * that contain `;` or `"` CSV-quoted (FORMAT.md "Values and multiplicity").
 */
export function splitCell(cell: string | undefined): string[] {
  const text = (cell ?? '').trim();
  if (!text) return [];
  const values = text.includes('"')
    ? ((
        parse(text, {
          delimiter: ';',
          trim: true,
          relax_quotes: true,
          relax_column_count: true,
        }) as string[][]
      )[0] ?? [])
    : text.split(';');
  return values.map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v.length > 0);
}

/**
 * Splits a value the publisher enumerated ("(a) Algerian (b) German",
 * "a) Kabul, b) Herat") into its items; a value without enumerators comes back whole.
 */
export function splitEnumerated(value: string): string[] {
  const text = value.trim();
  if (!/^\(?(?:a|i)\)\s*/i.test(text)) return [text];
  return text
    .split(/(?:^|[\s,;]+)\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+/i)
    .map((s) => s.replace(/^[\s,;]+|[\s,;]+$/g, '').trim())
    .filter((s) => s.length > 0);
}
