import { useEffect, useState } from "react";

/**
 * Whether a CSS media query matches, kept current. False on the server and in the first render,
 * so what the server sent hydrates unchanged; a phone switches right after.
 */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(false);
  useEffect(() => {
    const list = window.matchMedia(query);
    setMatches(list.matches);
    const onChange = (event: MediaQueryListEvent) => setMatches(event.matches);
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}
