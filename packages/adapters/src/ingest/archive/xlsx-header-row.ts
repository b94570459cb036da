/** The header row is read from the start of the sheet only: no real header is longer than this. */
const HEAD_BYTES = 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? whole),
  );
}

function textOf(bytes: Uint8Array | undefined, limit = Infinity): string {
  return bytes ? new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, limit))) : '';
}

/** The joined `<t>` texts of an XML fragment (a shared string or an inline string). */
function joinedTexts(xml: string): string {
  return [...xml.matchAll(/<(?:\w+:)?t\b[^>]*>([^<]*)<\/(?:\w+:)?t>/g)]
    .map((m) => unescapeXml(m[1]!))
    .join('');
}

/** The path inside the package of the workbook's first sheet (`xl/worksheets/sheet1.xml`). */
function firstSheetPath(entries: ReadonlyMap<string, Uint8Array>): string | undefined {
  const id = /<(?:\w+:)?sheet\b[^>]*?\s(?:\w+:)?id="([^"]+)"/.exec(
    textOf(entries.get('xl/workbook.xml')),
  )?.[1];
  if (!id) return undefined;
  const rels = textOf(entries.get('xl/_rels/workbook.xml.rels'));
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Id="${id}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The shared strings with the given indices, reading the table only as far as the largest. */
function sharedStrings(bytes: Uint8Array | undefined, wanted: Set<number>): Map<number, string> {
  const found = new Map<number, string>();
  const max = Math.max(-1, ...wanted);
  let index = 0;
  for (const m of textOf(bytes).matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)) {
    if (wanted.has(index)) found.set(index, joinedTexts(m[1]!));
    if (++index > max) break;
  }
  return found;
}

/**
 * The texts of the first row of an xlsx workbook's first sheet, read from its
 * unzipped parts without building the workbook, so a file that is not the
 * expected list can be refused before a spreadsheet library expands it whole.
 * Undefined when the parts or the row cannot be found.
 */
export function xlsxHeaderRow(entries: ReadonlyMap<string, Uint8Array>): string[] | undefined {
  const sheet = firstSheetPath(entries);
  const row =
    sheet && /<(?:\w+:)?row\b[^>]*>([\s\S]*?)<\/(?:\w+:)?row>/.exec(textOf(entries.get(sheet), HEAD_BYTES));
  if (!row) return undefined;
  const cells = [...row[1]!.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)].map((m) => ({
    type: /\bt="([^"]+)"/.exec(m[1]!)?.[1],
    body: m[2] ?? '',
  }));
  const valueOf = (body: string) => /<(?:\w+:)?v>([^<]*)</.exec(body)?.[1] ?? '';
  const shared = sharedStrings(
    entries.get('xl/sharedStrings.xml'),
    new Set(cells.filter((c) => c.type === 's').map((c) => Number(valueOf(c.body)))),
  );
  return cells.map((c) =>
    (c.type === 's'
      ? (shared.get(Number(valueOf(c.body))) ?? '')
      : c.type === 'inlineStr'
        ? joinedTexts(c.body)
        : unescapeXml(valueOf(c.body))
    ).trim(),
  );
}
