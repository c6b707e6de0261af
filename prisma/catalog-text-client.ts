import pg from "pg";

// Workaround for Prisma issue 27403: the wasm schema engine reads catalog columns typed
// `name` (oid 19) and `"char"` (oid 18), which @prisma/adapter-pg 6 cannot map, so every
// `migrate` command fails with "Column type 'name' could not be deserialized". Both types are
// plain text on the wire, so reporting them as `text` (oid 25) is lossless. Used only on the
// migration path (prisma.config.ts); the app's own client never sees these columns.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

export function relabelCatalogText<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | null)?.fields;
  for (const field of fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

export class CatalogTextClient extends pg.Client {
  // pg.Pool calls query() with a callback, adapter-pg's own clients with promises: cover both.
  query(...args: unknown[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: unknown, result: unknown) => void;
      args[last] = (err: unknown, result: unknown) => callback(err, err ? result : relabelCatalogText(result));
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending && typeof (pending as Promise<unknown>).then === "function") {
      return (pending as Promise<unknown>).then(relabelCatalogText);
    }
    return pending;
  }
}
