"use client";
// A page that could not be loaded, shown under its layout's header.
export { PageError as default } from "@/components/shell/PageError";
