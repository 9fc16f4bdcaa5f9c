import { Transform } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

/** How long deferred data may stream before the render is aborted (single fetch reads this). */
export const streamTimeout = 5_000;

/**
 * Browsers get the shell as soon as it is ready; crawlers and other bots get the whole document at
 * once (onAllReady), so they never see a half-streamed page.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = withoutStrayNulBytes();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
      onShellError: reject,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * React 18's streaming renderer fills a 2048-byte buffer with TextEncoder.encodeInto and flushes
 * all of it even when a multi-byte character (any Cyrillic letter) did not fit at the end, so up to
 * three NUL bytes leak into the HTML at chunk boundaries (facebook/react#26228, fixed only in 19).
 * Inside the inline single-fetch data script they would corrupt text. HTML we render never holds a
 * real NUL, so dropping trailing NULs from each chunk is safe.
 */
function withoutStrayNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk.length - end < 3 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
