/**
 * The layers of the house, enforced (npm test runs `depcruise`): an import that runs back up
 * fails the build. From the ground up:
 *
 *   src/model      the domain: types, every rule and figure, problems as data, the clock,
 *                  the backup format. Imports nothing of ours and no package.
 *   src/protocol   the sync wire format, shared by devices and the server. Model only.
 *   src/store      persistence (IndexedDB), queries. Model only (and `idb`).
 *   src/sync       the device side of sync (browser only). Model, protocol, store.
 *   src/controllers, src/context, src/styles, src/locales   what elements share.
 *   src/components the elements: the only place where text is worded (@lit/localize).
 *   kiosk/         the app, built from the elements.
 *   server/        Node: model, protocol and the demo generator - never a browser module.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports has no floor: neither file can be understood or loaded first.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-is-the-floor',
      severity: 'error',
      comment: 'The model is pure: it runs the same in a browser, a host store and the server.',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'protocol-on-the-model-only',
      severity: 'error',
      comment: 'The wire format is loaded by the server: it may not bring browser code with it.',
      from: { path: '^src/protocol/' },
      to: { pathNot: '^src/(model|protocol)/' },
    },
    {
      name: 'store-below-sync-and-elements',
      severity: 'error',
      comment: 'Persistence knows the model, not who syncs or shows it.',
      from: { path: '^src/store/' },
      to: { path: '^(src/(sync|protocol|components|controllers|context|demo|react|styles|locales)|kiosk|server)/' },
    },
    {
      name: 'sync-below-elements',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^(src/(components|controllers|context|demo|react)|kiosk|server)/' },
    },
    {
      name: 'words-only-in-elements',
      severity: 'error',
      comment: 'Below the elements problems are data; the elements, kiosk and server word them.',
      from: { path: '^(src/(model|protocol|store|sync|demo)|server)/' },
      to: { path: '@lit/localize|node_modules/lit/|node_modules/lit-' },
    },
    {
      name: 'server-loads-no-browser-module',
      severity: 'error',
      comment: "The server checks writes with the model and speaks the protocol; the rest is the browser's.",
      from: { path: '^server/' },
      to: { path: '^(src|kiosk)/', pathNot: '^src/(model|protocol)/|^src/demo/(organisation|random)\\.ts$' },
    },
    {
      name: 'library-without-the-kiosk',
      severity: 'error',
      comment: 'The published elements never depend on the app built from them.',
      from: { path: '^src/' },
      to: { path: '^(kiosk|server|test|bench|stories)/' },
    },
    {
      name: 'elements-not-from-the-app-shell',
      severity: 'error',
      from: { path: '^src/(controllers|context|styles|locales)/' },
      to: { path: '^src/components/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(dist|storybook-static)/' },
  },
};
