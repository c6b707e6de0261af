/** A quoted passage shown exactly as the source has it. It is marked as a quote by style (italic,
 *  a rule on its left), never by adding quotation marks: quotes often hold their own marks, and
 *  marks around marks read as ““this””. */
export function Quote({ text, className }: { text: string; className?: string }) {
  return <span className={className ? `quote ${className}` : "quote"}>{text}</span>;
}
