import type { Metadata } from "next";
import { DocumentUpload } from "@/components/sources/DocumentUpload";
import { SourceForm } from "@/components/sources/SourceForm";

export const metadata: Metadata = { title: "Add a source" };

export default function NewSourcePage() {
  return (
    <>
      <h1>Add a source</h1>
      <DocumentUpload />
      <h2>Or paste text</h2>
      <SourceForm mode="create" />
    </>
  );
}
