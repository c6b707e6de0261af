"use client";
// One way for a form or button to run a request: busy while it runs, its error shown after.
import { useCallback, useState } from "react";
import { errorMessage } from "@/components/api/client";

export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `action`; true when it succeeded, false when its error is now shown. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** Shows a problem found before anything is sent. */
  fail: (message: string) => void;
  clearError: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, fail: setError, clearError: useCallback(() => setError(null), []) };
}
