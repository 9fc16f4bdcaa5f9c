import { decodeNodeId } from "./node-id";

/** Accepts a relay global ID of a Topic; anything else (another type, garbage) yields null. */
export function decodeTopicId(globalId: string): string | null {
  return decodeNodeId("Topic", globalId);
}
