/**
 * Chart labels that all start with the same words ("Центр госуслуг района …") waste the space that
 * tells them apart: drops the whole words every label shares at its start, as long as each label
 * keeps a word of its own. Returns the labels and what was dropped (for a caption).
 */
export function withoutSharedPrefix(labels: readonly string[]): { labels: string[]; prefix: string } {
  if (labels.length < 2) return { labels: [...labels], prefix: "" };
  const words = labels.map((label) => label.split(/\s+/).filter(Boolean));
  let shared = 0;
  const shortest = Math.min(...words.map((list) => list.length));
  while (shared < shortest - 1 && words.every((list) => list[shared] === words[0]![shared])) shared++;
  if (shared === 0) return { labels: [...labels], prefix: "" };
  return { labels: words.map((list) => list.slice(shared).join(" ")), prefix: words[0]!.slice(0, shared).join(" ") };
}
