/** Types for sync-server.mjs (used by the TypeScript bench). */
export interface RunningServer {
  url: string;
  log(): string;
  stop(): Promise<void>;
}
export interface RunningPostgres {
  url: string;
  stop(): void;
}
/** Node's arguments that run the server's command line (`node ...SERVER token create ...`). */
export const SERVER: string[];
export function serverCommand(env: Record<string, string>, ...args: string[]): string;
export function startServer(env: Record<string, string>): Promise<RunningServer>;
/** `keep`: a folder whose cluster is used again, and kept when stopped. */
export function startPostgres(options?: { keep?: string }): Promise<RunningPostgres | undefined>;
