import { describe, expect, it } from 'vitest';
import { tokenizeName } from './tokenize-name.ts';

describe('tokenizeName', () => {
  it('reads compatibility forms through NFKC (fullwidth letters, ligatures, superscripts)', () => {
    expect(tokenizeName('ＩＶＡＮＯＶ Petr')).toEqual(['ivanov', 'petr']);
    expect(tokenizeName('ﬁrst Oil Co²')).toEqual(['first', 'oil', 'co2']);
  });

  it('gives an ASCII name the tokens its NFKC form gives (the form is skipped for ASCII)', () => {
    const names = ["O'BRIEN, J.P.", 'Romashka  OOO', 'AL-QAIDA (AQ); 1st Brigade', 'a.b.c d`e'];
    for (const name of names) expect(tokenizeName(name)).toEqual(tokenizeName(name.normalize('NFKC')));
    expect(tokenizeName("O'BRIEN, J.P.")).toEqual(['obrien', 'jp']);
  });
});
