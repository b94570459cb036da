import { describe, expect, it } from 'vitest';
import { BomFileError, parseDestinations, readBomText } from './bom-upload.ts';

describe('readBomText', () => {
  it('sends a CSV as text, counting its products and component rows', () => {
    const csv = 'product,part_id\nuav,A\nuav,"B, with comma"\ndrone,C\n';
    const u = readBomText('bom.csv', `\uFEFF${csv}`);
    expect(u).toMatchObject({ format: 'csv', products: 2, components: 3 });
    expect(u.body).toEqual({ bomCsv: csv, file: 'bom.csv' });
  });

  it('parses a JSON BOM, or one product, and counts its components', () => {
    const bom = {
      products: [
        { id: 'a', components: [{}, {}] },
        { id: 'b', components: [{}] },
      ],
    };
    expect(readBomText('b.json', JSON.stringify(bom))).toMatchObject({
      format: 'json',
      products: 2,
      components: 3,
      body: { bom, file: 'b.json' },
    });
    expect(readBomText('p.JSON', '{"id":"a","components":[{}]}')).toMatchObject({
      products: 1,
      components: 1,
    });
  });

  it.each([
    ['bom.xlsx', 'x', /\.csv or \.json/],
    ['bom.csv', '  \n', /is empty/],
    ['bom.json', '{"products": [', /bom\.json is not JSON/],
    ['bom.json', '[1]', /must be a JSON object/],
  ])('rejects %s %j with a message naming the file', (file, text, message) => {
    expect(() => readBomText(file, text)).toThrow(BomFileError);
    expect(() => readBomText(file, text)).toThrow(message);
  });
});

describe('parseDestinations', () => {
  it('reads codes separated by commas, semicolons or spaces', () => {
    expect(parseDestinations(' cn, RU;ir  CN ')).toEqual(['CN', 'RU', 'IR']);
    expect(parseDestinations('')).toEqual([]);
  });
  it('names a code that is not ISO-2', () => {
    expect(() => parseDestinations('CN, China')).toThrow(/"CHINA" is not an ISO-2/);
  });
});
