/**
 * A reusable memory-leak check: mount and remove an element many times and compare the JS
 * heap and the live DOM node and event-listener counts (through the DevTools protocol, after
 * forced garbage collection) before and after. A subscription, timer, observer or chart that
 * outlives its element keeps the element - and its whole shadow tree - alive, so it shows.
 */
import { ReactiveElement } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';

interface Counters {
  heap: number;
  nodes: number;
  listeners: number;
}

const cdp = <T>(method: string, params: Record<string, unknown> = {}) => executeServerCommand<T, unknown>('cdp', { method, params });

async function measure(): Promise<Counters> {
  for (let i = 0; i < 3; i++) {
    await cdp('HeapProfiler.collectGarbage');
    await new Promise((r) => setTimeout(r, 20));
  }
  const heap = await cdp<{ usedSize: number }>('Runtime.getHeapUsage');
  const dom = await cdp<{ nodes: number; jsEventListeners: number }>('Memory.getDOMCounters');
  return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

export interface LeakResult {
  cycles: number;
  heapGrowth: number;
  nodeGrowth: number;
  listenerGrowth: number;
}

/**
 * Removes the element, then lets one more update run on it, as happens when an answer or a
 * tick lands just as a kiosk swaps its views: nothing may start again on a removed element.
 */
async function removeWithLateUpdate(element: HTMLElement): Promise<void> {
  element.remove();
  if (element instanceof ReactiveElement) {
    element.requestUpdate();
    await element.updateComplete;
  }
}

/**
 * Mounts with `mount` (which resolves once the element shows its data) and removes it (with a
 * late update), `cycles` times after a warm-up, and returns how much was left behind.
 */
export async function mountRepeatedly(mount: () => Promise<HTMLElement>, cycles = 200): Promise<LeakResult> {
  // Warm-up: caches, styles, modules - and what is made once after the first few dozen mounts
  // (kpi-trend grew ~1 MB once between its 10th and 110th mount, then never again).
  for (let i = 0; i < 30; i++) await removeWithLateUpdate(await mount());
  const before = await measure();
  for (let i = 0; i < cycles; i++) await removeWithLateUpdate(await mount());
  const after = await measure();
  return {
    cycles,
    heapGrowth: after.heap - before.heap,
    nodeGrowth: after.nodes - before.nodes,
    listenerGrowth: after.listeners - before.listeners,
  };
}

/** The bounds every element must stay within over 200 mounts. */
export const LEAK_BOUNDS = { heapBytes: 1_000_000, nodes: 100, listeners: 20 } as const;
