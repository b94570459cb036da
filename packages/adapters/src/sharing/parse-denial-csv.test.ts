import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { parseDenialCsv } from './parse-denial-csv.ts';

const SAMPLE = 'controls/denials/lite-denial-notification-format-sample.csv';
const HEADER =
  'reference,regime_reg_ref,name,address,notifying_government,country,denial_cle,item_description,end_use,reason_for_refusal,entity_type';

describe.runIf(hasSharedData())('parseDenialCsv on the LITE sample', () => {
  const parsed = parseDenialCsv(readFileSync(sharedDataPath(SAMPLE), 'utf8'), 'sample.csv');

  it('reads 7 rows into 7 denials, the blank reference falling back to the regime reference', () => {
    expect(parsed.rowCount).toBe(7);
    expect(parsed.denials.map((d) => d.reference)).toEqual([
      'DN2000/0000',
      'DN2000/0010',
      'AB-XY-EF-900',
      'DN3000/0000',
      'DN4000/0000',
      'DN4102/0001',
      'DN4103/0001',
    ]);
  });

  it('keeps items, parties with their roles, end use and reason', () => {
    expect(parsed.denials[2]).toMatchObject({
      items: [{ code: 'catch all', description: 'Extra Large Size Widget' }],
      parties: [{ role: 'end-user', name: 'The Widget Company', address: '2 Example Road, Example City' }],
      endUse: 'Used in unknown industry',
      reason: 'Risk of outcome 4',
      notifyingGovernment: 'Example Country',
    });
    expect(parsed.denials.map((d) => d.parties[0]!.role)).toEqual([
      'end-user',
      'consignee',
      'end-user',
      'third-party',
      'third-party',
      'third-party',
      'third-party',
    ]);
  });

  it('warns on the 7 synthetic country names and leaves those denials without destination', () => {
    expect(parsed.warnings.map((w) => [w.kind, w.row])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((row) => ['unknown-country', row]),
    );
    expect(parsed.denials.every((d) => d.destination === undefined)).toBe(true);
  });
});

describe('parseDenialCsv', () => {
  it('groups the parties of one reference into one denial destined for the end user’s country', () => {
    const text = [
      HEADER,
      'DN1/1,WA-1,Baltic Trading House,"1 Harbour Road, Riga",United Kingdom,Latvia,3A001.a.1,ICs,Guidance,Criterion 7,consignee',
      'DN1/1,WA-1,Kaliningrad Instrument Works,Kaliningrad,United Kingdom,Russian Federation,3A001.a.1,ICs,Guidance,Criterion 7,end_user',
    ].join('\n');
    const { denials, warnings } = parseDenialCsv(text);
    expect(warnings).toEqual([]);
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({
      destination: 'RU',
      items: [{ code: '3A001.a.1' }],
      parties: [{ country: 'LV' }, { country: 'RU', role: 'end-user' }],
    });
  });

  it('rejects a file missing the format columns', () => {
    expect(() => parseDenialCsv('name,country\nA,B\n', 'x.csv')).toThrow(/lacks the columns/);
  });
});
