/** Types for chromium.mjs (used by the TypeScript bench). */
/** Chromium's flags for this machine's closed network and sandbox. */
export const CHROMIUM_ARGS: string[];
/** The Chromium or Chrome to run: CHROME_PATH, else one installed; undefined when none. */
export function findChromium(): string | undefined;
