/** The records of a CSV text, and whether the last one was cut off inside a quoted field. */
export interface CsvRecords {
  records: string[][];
  /** The file ends inside a quoted field: the last record is incomplete. */
  truncated: boolean;
}

/**
 * Splits RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF) into
 * records. Unlike a strict parser it never throws: a file cut off inside a
 * quoted field (a truncated download) yields its complete records plus the
 * partial last one, flagged with `truncated`.
 */
export function readCsvRecords(text: string): CsvRecords {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      const close = text.indexOf('"', i);
      if (close < 0) {
        field += text.slice(i);
        i = n;
        break;
      }
      field += text.slice(i, close);
      if (text.charCodeAt(close + 1) === 34) {
        field += '"';
        i = close + 2;
      } else {
        inQuotes = false;
        i = close + 1;
      }
    } else if (ch === 34) {
      inQuotes = true;
      i++;
    } else if (ch === 44) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === 10 || ch === 13) {
      record.push(field);
      field = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      // Copy the run of ordinary characters up to the next delimiter in one slice.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13 || c === 34) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || record.length > 0 || inQuotes) {
    record.push(field);
    records.push(record);
  }
  return { records, truncated: inQuotes };
}
