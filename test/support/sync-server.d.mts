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
export function serverCommand(env: Record<string, string>, ...args: string[]): string;
export function startServer(env: Record<string, string>): Promise<RunningServer>;
export function startPostgres(): Promise<RunningPostgres | undefined>;
