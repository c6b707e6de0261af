// From which change on a page's data was read, for its live updates. One read of History's
// primary key's end per page render.
import "server-only";
import { db } from "../db";
import { lastChangeId } from "./changes";

/** Never fails a page: with the database away the stream starts from whenever it connects. */
export async function liveStart(): Promise<{ after: number | null }> {
  try {
    return { after: await lastChangeId(db()) };
  } catch {
    return { after: null };
  }
}
