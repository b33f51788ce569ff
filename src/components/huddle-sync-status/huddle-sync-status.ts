import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { SyncStateController } from '../../controllers/sync-state.js';
import type { SyncState, SyncStateSource } from '../../sync/sync-client.js';
import { tokens } from '../../styles/tokens.js';
import { loadProblemWords } from '../load-problem-words.js';
import { formatDay } from '../format.js';

// A refusal the sync reports (a record this version cannot store) is worded when it happens.
void loadProblemWords();

/**
 * @summary Whether this device's changes have reached the server: synced, N waiting, offline, or an error with its reason.
 *
 * Shows nothing when the store does not sync with a server. A new screen says "Synced" once it
 * has what it shows now, and names the history still arriving. The state is a symbol and words,
 * never colour alone; changes are announced politely to screen readers.
 *
 * @csspart base - The badge.
 *
 * @cssprop --he-status-green - Background when synced.
 * @cssprop --he-status-amber - Background when changes wait or the device is offline.
 * @cssprop --he-status-red - Background on an error.
 */
export class HuddleSyncStatus extends HuddleElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        min-width: 0;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: calc(var(--_space) / 2);
        max-width: 100%;
        padding: calc(var(--_space) / 2) var(--_space);
        border-radius: var(--_radius);
        font: inherit;
        font-size: var(--_size-small);
        color: var(--_on-status);
        overflow-wrap: anywhere;
      }
      .synced {
        background: var(--_green);
      }
      .pending,
      .offline,
      .connecting {
        background: var(--_amber);
      }
      .error {
        background: var(--_red);
      }
    `,
  ];

  /** A sync state source to show instead of the provided one (e.g. a `SyncClient`). */
  @property({ attribute: false }) source?: SyncStateSource;

  readonly #sync = new SyncStateController(this, () => this.source);

  protected override render() {
    const current = this.#sync.state;
    if (!current) return nothing;
    return html`<span part="base" class="badge ${current.status}" role="status" title=${current.reason ?? ''}>${describe(current, this.locale)}</span>`;
  }
}

function describe({ status, pending, reason, historyBefore, historyBelow }: SyncState, locale: string | undefined): string {
  switch (status) {
    case 'connecting':
      return msg('⋯ Connecting to the server');
    case 'synced': {
      if (historyBefore === undefined) return msg('✓ Synced');
      const day = formatDay(historyBefore, locale, { day: 'numeric', month: 'short' });
      return historyBelow ? msg(str`✓ Synced; the boards below and days before ${day} still arriving`) : msg(str`✓ Synced; days before ${day} still arriving`);
    }
    case 'pending':
      return msg(str`↑ ${pending} waiting to send`);
    case 'offline':
      return pending > 0 ? msg(str`⚠ Offline: ${pending} changes kept on this device`) : msg('⚠ Offline');
    case 'error':
      return msg(str`✗ Not synced: ${reason ?? ''}`);
  }
}

customElements.get('huddle-sync-status') ?? customElements.define('huddle-sync-status', HuddleSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-sync-status': HuddleSyncStatus;
  }
}
