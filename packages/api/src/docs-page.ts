import { createHash } from 'node:crypto';

/** The one inline script of the API reference page: starts Swagger UI on this server's OpenAPI document. */
const DOCS_INIT_SCRIPT = `
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
`;

/** The CSP source allowing exactly that inline script (`'sha256-…'`), so no other inline script runs. */
export const DOCS_SCRIPT_CSP_SOURCE = `'sha256-${createHash('sha256').update(DOCS_INIT_SCRIPT).digest('base64')}'`;

/** The interactive API reference page: Swagger UI served from this server (no CDN, works offline). */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Entente API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>${DOCS_INIT_SCRIPT}</script>
</body>
</html>`;
}
