/**
 * The "Add …" form of a panel (an action, kudos, a resource need): a button opens it, the
 * save reads its one required text, and it closes only once the save gave a record - when a
 * save fails, the form stays open with what was typed and the element says why.
 */
import { html, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

export class AddFormController {
  #open = false;

  constructor(
    private readonly host: Host,
    /** The field to focus when the form opens, so a keyboard user types at once. */
    private readonly firstField?: string,
  ) {}

  get open(): boolean {
    return this.#open;
  }

  /** Opens the form; `reset` clears the choices of the last one. */
  start(reset?: () => void): void {
    reset?.();
    this.#open = true;
    this.host.requestUpdate();
    if (this.firstField) {
      const name = this.firstField;
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`)?.focus());
    }
  }

  close(): void {
    this.#open = false;
    this.host.requestUpdate();
  }

  /** The trimmed text of field `name` of the form just submitted (the submit does not reload the page). */
  text(event: Event, name: string): string {
    event.preventDefault();
    return ((event.target as HTMLFormElement).elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  }

  /** Runs the save; closes the form when it gave a record, and returns that record. */
  async save<T>(save: () => Promise<T | undefined>): Promise<T | undefined> {
    const saved = await save();
    if (saved !== undefined) this.close();
    return saved;
  }

  /** Cancel and save, the last row of every add form (`rowClass` is the panel's own row style). */
  buttons(saveLabel: string, rowClass = 'buttons') {
    return html`<div class=${rowClass}>
      <button type="button" @click=${() => this.close()}>${msg('Cancel')}</button>
      <button class="primary" type="submit">${saveLabel}</button>
    </div>`;
  }
}
