// Every link in the app, with prefetching off. Every page here is rendered per request from the
// database, and Next's default prefetched each link in view: opening one page set off about
// twenty renders (the claims list and statistics among them), which competed with the page being
// opened (measured: the reader's HTML took 165 ms instead of 60 ms to arrive).
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
