import { decodeGlobalID } from "@pothos/plugin-relay";

/** Accepts a relay global ID of a Topic; anything else (another type, garbage) yields null. */
export function decodeTopicId(globalId: string): string | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return typename === "Topic" && id.length > 0 ? id : null;
  } catch {
    return null;
  }
}
