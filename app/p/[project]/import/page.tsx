import type { Metadata } from "next";
import { ImportForm } from "@/components/sources/ImportForm";

export const metadata: Metadata = { title: "Import" };

export default function ImportPage() {
  return (
    <>
      <h1>Import claims</h1>
      <p>Bring in a W3C Web Annotations export (the “W3C JSON” button on the Claims page), for example from a colleague’s copy of the app.</p>
      <ImportForm />
    </>
  );
}
