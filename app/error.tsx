"use client";
import { PageError } from "@/components/shell/PageError";

/** An error in a layout (the project's, say): shown in the root layout, without a header. */
export default function RootError(props: Parameters<typeof PageError>[0]) {
  return <main id="main"><PageError {...props} /></main>;
}
