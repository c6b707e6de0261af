import type { Metadata } from "next";
import { SourceForm } from "@/components/sources/SourceForm";

export const metadata: Metadata = { title: "Add a source" };

export default function NewSourcePage() {
  return (
    <>
      <h1>Add a source</h1>
      <SourceForm mode="create" />
    </>
  );
}
