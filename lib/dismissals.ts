// Keys of dismissed suggestions, computed the same way in the browser and on the server
// (lib/server/dismissals.ts keeps them per researcher).
export const contradictionDismissalKey = (pairKey: string) => `contradiction:${pairKey}`;
export const suggestionDismissalKey = (sourceId: string, span: { start: number; end: number }) => `suggestion:${sourceId}:${span.start}:${span.end}`;
