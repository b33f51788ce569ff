/**
 * The package's promises to an integrator: the root entry registers every element in the
 * manifest, and every element has its own entry in the exports map.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[];
}

describe('package entry points', () => {
  it('registers every element of custom-elements.json from the root entry, each with its own export', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const pkg = (await (await fetch('/package.json')).json()) as { exports: Record<string, unknown> };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
    expect(tags.length).to.be.greaterThan(10);
    for (const tag of tags) {
      expect(customElements.get(tag), `<${tag}> registered by the root entry`).to.not.equal(undefined);
      expect(pkg.exports[`./${tag}`], `exports map entry for ${tag}`).to.be.an('object');
    }
  });
});
