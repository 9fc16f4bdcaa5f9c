/**
 * Topic ids are relay global ids (standard base64, which may contain "/", "+" and "="). In URLs we
 * use the base64url spelling so an id is always one clean path segment.
 */
function urlId(id: string): string {
  return id.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function topicPath(id: string): string {
  return `/topics/${urlId(id)}`;
}

/** The id of a topic's card in the list, so a vote without JavaScript comes back to it. */
export function topicAnchor(id: string): string {
  return `topic-${urlId(id)}`;
}

export function topicIdFromParam(param: string): string {
  const base64 = param.replace(/-/g, "+").replace(/_/g, "/");
  return base64 + "=".repeat((4 - (base64.length % 4)) % 4);
}
