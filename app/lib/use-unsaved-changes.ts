import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect } from "react";

/**
 * While `dirty`, leaving the page asks first: another page of the app through a confirm dialog,
 * a reload or a closed tab through the browser's own prompt. Posting the page's own forms is not
 * leaving it.
 */
export function useUnsavedChangesGuard(dirty: boolean, question: string) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = ""; // older browsers show their prompt only when this is set
      },
      [dirty],
    ),
  );
}
