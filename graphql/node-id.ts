import { PothosValidationError } from "@pothos/core";
import { decodeGlobalID } from "@pothos/plugin-relay";

/** Row ids are cuids: anything else (a NUL, quotes, 10 kB) cannot name a row and must not reach SQL. */
const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Relay's decoder, refusing ids no row can have ("Invalid global ID", as for malformed base64). */
export function decodeRowGlobalID(globalId: string): { typename: string; id: string } {
  const decoded = decodeGlobalID(globalId);
  if (!ROW_ID.test(decoded.id)) throw new PothosValidationError(`Invalid global ID: ${globalId.slice(0, 100)}`);
  return decoded;
}

/** Accepts a relay global ID of the given type; anything else (another type, garbage) yields null. */
export function decodeNodeId(typename: string, globalId: string): string | null {
  try {
    const decoded = decodeRowGlobalID(globalId);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}
