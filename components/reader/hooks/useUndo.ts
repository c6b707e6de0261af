"use client";
// Undo for the reader's claim changes: the steps are kept for the tab's session (a reload does not
// lose them), and Ctrl+Z outside a text field takes back the last one.
import { useEffect, useRef, useState } from "react";
import { isTextEntry } from "../../text-entry";
import type { ClaimChange } from "../claimsApi";

/** What Undo does for the last change: the inverse call, made against the claim's current version. */
export type UndoStep =
  | { type: "create"; claimId: string; label: string }
  | { type: "update"; claimId: string; before: ClaimChange; label: string }
  | { type: "delete"; claimId: string; label: string };

const MAX_UNDO_STEPS = 50;

export function useUndo(sourceId: string, runStep: (step: UndoStep, done: () => void) => void) {
  const [steps, setSteps] = useState<UndoStep[]>([]);
  // Each step re-reads the claim's current version when it runs, so an old step is still safe.
  const key = `undo:${sourceId}`;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) sessionStorage.setItem(key, JSON.stringify(steps.slice(-MAX_UNDO_STEPS)));
  }, [key, steps]);
  useEffect(() => { // after the effect above, so the first render's empty list never overwrites the kept one
    try {
      setSteps(JSON.parse(sessionStorage.getItem(key) ?? "[]") as UndoStep[]);
    } catch {
      sessionStorage.removeItem(key);
    }
    restored.current = true;
  }, [key]);

  const push = (step: UndoStep) => setSteps((s) => [...s, step]);
  const last = steps.at(-1);
  const undo = () => {
    if (last) runStep(last, () => setSteps((s) => s.slice(0, -1)));
  };
  const undoRef = useRef(undo);
  undoRef.current = undo;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+Z inside a text field undoes typing there, not the last claim change.
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== "z" || isTextEntry(event.target)) return;
      event.preventDefault();
      undoRef.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return { last, push, undo };
}
