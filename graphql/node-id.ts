import { decodeGlobalID } from "@pothos/plugin-relay";

/** Accepts a relay global ID of the given type; anything else (another type, garbage) yields null. */
export function decodeNodeId(typename: string, globalId: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename && decoded.id.length > 0 ? decoded.id : null;
  } catch {
    return null;
  }
}
