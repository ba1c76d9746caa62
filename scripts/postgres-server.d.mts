/** A PostgreSQL server of its own: a temporary data directory, a free port, trust on loopback. */
export interface PostgresServer {
  port: number;
  /** The URL of one database of this server. */
  url(database: string): string;
  /** Stops the server at once, as a crash would; `restart` brings it back on the same port and data. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  stop(): void;
}

export const postgresInstalled: boolean;

export function startPostgres(options?: { fast?: boolean }): Promise<PostgresServer>;
