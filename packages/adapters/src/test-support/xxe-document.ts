/**
 * An XML document whose DOCTYPE (line 2–4) declares the entity `xxe` as
 * `definition` (e.g. `SYSTEM "file:///etc/passwd"`) and uses it in an element of `root`.
 */
export function xxeDocument(root: string, definition: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!DOCTYPE ${root} [`,
    `  <!ENTITY xxe ${definition}>`,
    ']>',
    `<${root} dateGenerated="2026-01-15T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></${root}>`,
    '',
  ].join('\n');
}
