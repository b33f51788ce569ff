/**
 * Text an attacker or an unlucky paste could put into any field: markup, event handlers,
 * javascript: URLs, SVG, template syntax, a very long word, a right-to-left override, emoji
 * and scripts from other languages, a null byte. Payloads that run set `window.__pwned`.
 */
export const CORPUS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3"></svg>',
  'javascript:window.__pwned=4',
  '<a href="javascript:window.__pwned=5">click</a>',
  '{{constructor.constructor("window.__pwned=6")()}}',
  `${'W'.repeat(190)}`,
  '\u202Eevil right-to-left override\u202C',
  'Team 🎉 célébration 工作 مرحبا',
  'null\u0000byte',
];
