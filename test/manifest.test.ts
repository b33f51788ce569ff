/**
 * custom-elements.json is what intranet tools (IDEs, Storybook, wrappers) read: every event
 * carries its `detail` type, every element documents its styling hooks, and no pseudo-event
 * inferred from the base class's generic `emit` leaks in.
 */
import { expect } from '@open-wc/testing';

interface Declaration {
  tagName?: string;
  summary?: string;
  events?: { name?: string; type?: { text: string }; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
  cssParts?: { name: string }[];
  slots?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** Elements that render nothing of their own: a provider is `display: contents` around its slot. */
const WITHOUT_A_LOOK = new Set(['huddle-provider']);

async function elements(): Promise<Declaration[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

describe('custom-elements.json', () => {
  it('types every event with its detail, and lists no pseudo-event', async () => {
    const all = await elements();
    const untyped = all.flatMap((d) =>
      (d.events ?? []).filter((e) => !e.name || e.name === 'type' || !e.type?.text).map((e) => `<${d.tagName}> ${e.name ?? '(no name)'}`),
    );
    expect(untyped, 'events without a name or type').to.deep.equal([]);
    const board = all.find((d) => d.tagName === 'huddle-board')!;
    expect(board.events!.find((e) => e.name === 'action-escalated')!.type!.text).to.equal('CustomEvent<{ action: Action; escalation: Escalation }>');
    const undocumented = all.flatMap((d) => (d.events ?? []).filter((e) => !e.description).map((e) => `<${d.tagName}> ${e.name}`));
    expect(undocumented, 'events without a description').to.deep.equal([]);
  });

  it('documents the styling hooks of every element: custom properties and parts', async () => {
    const all = await elements();
    const bare = all.filter((d) => !WITHOUT_A_LOOK.has(d.tagName!) && (!d.cssProperties?.length || !d.cssParts?.length)).map((d) => d.tagName);
    expect(bare, 'elements without custom properties or parts').to.deep.equal([]);
    const card = all.find((d) => d.tagName === 'coaching-card')!;
    expect(card.cssProperties!.map((p) => p.name)).to.include.members(['--he-color-accent', '--he-font-size', '--he-target-size']);
    expect(
      all.every((d) => d.summary),
      'every element has a summary',
    ).to.equal(true);
    expect(all.find((d) => d.tagName === 'huddle-provider')!.slots, 'the provider documents its slot').to.have.length(1);
  });
});
