import { watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";

/**
 * Loads build/index.js. In development (`npm run dev`), re-imports it whenever `remix dev`
 * finishes a rebuild, so page changes appear without restarting the process and live
 * subscriptions stay connected.
 */
export async function loadRemixBuild(root: string): Promise<() => Promise<ServerBuild>> {
  const buildPath = path.join(root, "build/index.js");
  const importBuild = async () =>
    (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild;
  let build = await importBuild();
  if (process.env.NODE_ENV === "development") {
    await broadcastDevReady(build);
    watch(path.join(root, "build/version.txt"), async () => {
      build = await importBuild();
      await broadcastDevReady(build);
    });
  }
  return async () => build;
}
