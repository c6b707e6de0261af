// Kept for components/compare/CompareView.tsx until it paints through components/highlights.
export { highlightSegments, type Segment, type RunSpan as Span } from "./highlights/runs";
