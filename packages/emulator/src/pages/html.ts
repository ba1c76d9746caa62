const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; background: #f2f2f2; margin: 0; color: #1a1a1a; }
  main { max-width: 560px; margin: 40px auto; background: #fff; border-radius: 8px; padding: 28px 32px; }
  h1 { font-size: 20px; margin: 0 0 4px; } p.sub { color: #666; margin: 0 0 20px; }
  fieldset { border: 1px solid #e5e5e5; border-radius: 6px; margin: 0 0 16px; padding: 12px 16px; }
  fieldset[disabled] { display: none; } legend { font-weight: 600; padding: 0 4px; }
  label { display: block; padding: 3px 0; } code { color: #666; font-size: 13px; }
  .actions { display: flex; gap: 12px; } button { font: inherit; padding: 8px 20px; border-radius: 4px; border: 0; }
  button.primary { background: #07c160; color: #fff; } button.secondary { background: #eee; }
  .error { color: #c0392b; } p.hint { color: #666; font-size: 13px; margin: 0 0 4px; }`;

/** A complete page in the emulator's plain style. */
export function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

export function errorPage(message: string): string {
  return page(
    'Authorization failed',
    `<h1>Authorization failed</h1><p class="error" id="error">${escapeHtml(message)}</p>`,
  );
}
