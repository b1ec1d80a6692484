export declare const SERVER_ENV_KEYS: readonly string[];
export interface AppServer {
  baseUrl: string;
  /** SERVER_ENV_KEYS and their values, for the test processes. */
  testEnv: Record<string, string>;
  stop(): Promise<void>;
}
export declare function startAppServer(options?: {
  shard?: string | number;
  env?: NodeJS.ProcessEnv;
}): Promise<AppServer>;
export declare function useAppServer(): Promise<() => Promise<void>>;
