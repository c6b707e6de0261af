"use client";

import { useEffect, useRef, useState } from "react";
import { isTextEntry } from "./text-entry";

export const SHORTCUTS: [keys: string, what: string][] = [
  ["?", "Show or hide this list"],
  ["Tab / Shift+Tab", "Move between controls, links and the source text"],
  ["Arrows, Shift+Arrows", "In the source text: move the caret, select text"],
  ["F / O / P", "Tag the selected text as a Fact, Opinion or Prediction"],
  ["J / K", "In the source text: go to the next / previous claim"],
  ["Enter", "Open the claim at the caret (kind, note, span, links, history)"],
  ["Ctrl+Z", "Undo the last change to a claim (create, edit or delete)"],
  ["Esc", "Close this list"],
];

/** The "?" overlay listing every keyboard shortcut, available on every page. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      event.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <>
      <button type="button" className="help-button" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        Shortcuts <kbd>?</kbd>
      </button>
      <dialog
        ref={dialog}
        className="shortcut-help"
        aria-labelledby="shortcut-help-title"
        onClose={() => {
          setOpen(false);
          (opener.current as HTMLElement | null)?.focus?.();
        }}
      >
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <table className="data-table">
          <thead><tr><th scope="col">Keys</th><th scope="col">What they do</th></tr></thead>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}><td><kbd>{keys}</kbd></td><td>{what}</td></tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={() => setOpen(false)}>Close</button>
      </dialog>
    </>
  );
}
