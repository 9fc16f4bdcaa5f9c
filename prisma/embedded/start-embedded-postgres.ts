import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgresOptions = {
  /** Folder holding the database files; created (with parents) if missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 (default) lets the OS pick a free one. */
  port?: number;
  /** Above the app's pg pool size: PGLiteSocketServer drops connections beyond it. */
  maxConnections?: number;
};

export type EmbeddedPostgres = {
  /** postgresql:// URL for pg / adapter-pg. Every database name reaches the same database. */
  url: string;
  port: number;
  stop(): Promise<void>;
};

const DEFAULT_MAX_CONNECTIONS = 32;
const ADDRESS_IN_USE = "EADDRINUSE";

/**
 * PostgreSQL (PGlite, in WebAssembly) served over the wire protocol on a local port, so the app
 * keeps a single pg + adapter-pg code path with or without a real server. Queries from all
 * connections are serialised; LISTEN/NOTIFY does not cross connections.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dirname(dataDir), { recursive: true }); // PGlite does not create parent folders
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const listen = async (port: number) => {
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    });
    await server.start();
    return server;
  };
  let server: PGLiteSocketServer;
  try {
    server = await listen(options.port ?? 0).catch((error: NodeJS.ErrnoException) => {
      // A requested fixed port that is taken should not stop a local start: take any free one.
      if (error.code !== ADDRESS_IN_USE || !options.port) throw error;
      return listen(0);
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(":").pop());
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        await db.close(); // flushes to dataDir
      })();
      return stopped;
    },
  };
}
