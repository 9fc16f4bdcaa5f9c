/**
 * Topic ids are relay global ids (standard base64, which may contain "/", "+" and "="). In URLs we
 * use the base64url spelling so an id is always one clean path segment.
 */
export function topicPath(id: string): string {
  return `/topics/${id.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

export function topicIdFromParam(param: string): string {
  const base64 = param.replace(/-/g, "+").replace(/_/g, "/");
  return base64 + "=".repeat((4 - (base64.length % 4)) % 4);
}
