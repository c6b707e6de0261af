"use client";
// One way for a form or button to run a request: busy while it runs, its error shown after.
import { useCallback, useState } from "react";
import { errorMessage } from "@/components/api/client";

export function useAction(): { busy: boolean; error: string | null; run: (action: () => Promise<void>) => Promise<boolean>; clearError: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
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
  return { busy, error, run, clearError: useCallback(() => setError(null), []) };
}
