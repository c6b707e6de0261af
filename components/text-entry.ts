/** Whether a key press goes into something the user types in, so page-wide shortcuts
 *  (?, Ctrl+Z for claims) leave it alone. The reader's read-only text is not text entry. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return target.getAttribute("aria-readonly") !== "true";
  return target.matches("textarea, input:not([type=checkbox], [type=radio], [type=button], [type=submit])");
}
