import { describe, expect, it } from 'vitest';
import { buildEntryTree } from './build-entry-tree.ts';

describe('buildEntryTree', () => {
  it('nests entries under their parents and groups top-level codes by category', () => {
    const tree = buildEntryTree([
      { code: '3A001.a', parent: '3A001', heading: 'a' },
      { code: '3A001', heading: 'Electronic items' },
      { code: '3A002', heading: 'General purpose electronic equipment' },
      { code: '1A001', heading: 'Components made from fluorinated compounds' },
      { code: 'XI', heading: 'Military electronics' },
    ]);
    expect(tree.map((n) => [n.code, n.isEntry])).toEqual([
      ['1', false],
      ['3', false],
      ['XI', true],
    ]);
    expect(tree[1]!.heading).toBe('Electronics');
    expect(tree[1]!.children.map((n) => n.code)).toEqual(['3A001', '3A002']);
    expect(tree[1]!.children[0]!.children.map((n) => n.code)).toEqual(['3A001.a']);
  });
});
