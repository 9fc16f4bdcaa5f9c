import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * With single fetch, RemixBrowser suspends on its first render until the server's turbo-stream
 * state is decoded. React 18 cannot finish a root that suspends while a key press or click forces
 * synchronous hydration: it throws "Root did not complete" (minified error #345) and the page
 * stays un-hydrated — no live votes. Pressing Tab while the page loads was enough to trigger it.
 * So we let RemixBrowser start the decoding outside React (its first call only throws that promise,
 * before any hook runs), wait for it, and hydrate once nothing can suspend.
 */
async function remixStateDecoded(): Promise<void> {
  const context = (window as unknown as { __remixContext?: { future?: { v3_singleFetch?: boolean }; stream?: unknown } })
    .__remixContext;
  if (!context?.future?.v3_singleFetch || !context.stream) return;
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (thrown) {
    if (thrown && typeof (thrown as PromiseLike<unknown>).then === "function") await thrown;
  }
}

void remixStateDecoded().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
