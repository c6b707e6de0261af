// citation-js ships no type declarations; this covers only what lib/export uses.

declare module "@citation-js/core" {
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    add(ref: string, plugin: Record<string, unknown>): void;
    list(): string[];
  };
}

declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
