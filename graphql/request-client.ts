import type { IncomingMessage } from "node:http";

/** Who is on the other end of a request: the key of per-IP rate limits and a signed-in device's label. */
export type RequestClient = { ip: string | null; userAgent: string | null };

export const UNKNOWN_CLIENT: RequestClient = { ip: null, userAgent: null };

/**
 * The socket's address, or behind a trusted proxy the last X-Forwarded-For entry: the address our
 * one trusted proxy saw (earlier entries are whatever the client claimed).
 */
export function readRequestClient(req: Pick<IncomingMessage, "headers" | "socket"> | undefined, trustProxy: boolean): RequestClient {
  if (!req) return UNKNOWN_CLIENT;
  const forwarded = trustProxy ? req.headers["x-forwarded-for"] : undefined;
  const forwardedIp = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").pop()?.trim();
  const ip = forwardedIp || req.socket?.remoteAddress || null;
  return { ip: ip?.replace(/^::ffff:/, "") ?? null, userAgent: req.headers["user-agent"] ?? null };
}
