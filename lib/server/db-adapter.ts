import "server-only";
// The pg pool under Prisma, made to survive lost connections:
// - waits are bounded: a request that cannot get a connection within POOL_WAIT_MS fails (the
//   route answers 503) instead of queueing for ever;
// - a connection that dies (server restart, pg_terminate_backend) is logged and dropped by the
//   pool instead of crashing the process with an unheard 'error' event;
// - a transaction's connection always goes back to the pool. Prisma 6.19's transaction manager
//   sends COMMIT or ROLLBACK and only afterwards calls commit()/rollback(), which is where
//   adapter-pg releases the connection; when that statement fails because the connection died,
//   the slot was never returned, and after `max` such failures every later request waited for
//   ever (tests/integration/db-outage.test.ts).
import { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Transaction["executeRaw"]>[0];

/** How long a request may wait for a pooled connection or a new one. */
export const POOL_WAIT_MS = 10_000;

function logLost(err: Error) {
  console.error(`database connection lost: ${err.message}`);
}

/** Releases the connection exactly once, whatever COMMIT or ROLLBACK did. */
function releasingTransaction(tx: Transaction): Transaction {
  let released = false;
  const release = async (end: () => Promise<void>) => {
    if (released) return;
    released = true;
    await end();
  };
  const ending = async (query: Query): Promise<number> => {
    try {
      return await tx.executeRaw(query);
    } catch (err) {
      // A dead connection's transaction is rolled back by the server; the pool drops the
      // client because node-postgres marks it unqueryable.
      await release(() => tx.rollback());
      if (query.sql === "ROLLBACK") return 0;
      throw err;
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => (query.sql === "COMMIT" || query.sql === "ROLLBACK" ? ending(query) : tx.executeRaw(query)),
    commit: () => release(() => tx.commit()),
    rollback: () => release(() => tx.rollback()),
  };
}

function reliableAdapter(adapter: Adapter): Adapter {
  // pg-pool hands a just-released connection to the next waiter synchronously, inside the parse of
  // the server's last message; when the same packet carries "terminating connection", the
  // connection emits 'error' before the waiter (adapter-pg's startTransaction) has listened, and
  // an unheard 'error' ends the process. A listener from birth hears it; the waiter's first
  // statement then fails, the route answers 503, and the pool drops the connection.
  adapter.underlyingDriver().on("connect", (client) => client.on("error", logLost));
  const startTransaction: Adapter["startTransaction"] = async (isolationLevel) => releasingTransaction(await adapter.startTransaction(isolationLevel));
  // The adapter's other methods keep their own `this`; only transaction start is wrapped.
  return new Proxy(adapter, {
    get: (target, key, receiver) => (key === "startTransaction" ? startTransaction : Reflect.get(target, key, receiver)),
  });
}

export function createPgAdapter(connectionString: string, max: number): PrismaPg {
  const factory = new PrismaPg(
    {
      connectionString,
      max,
      connectionTimeoutMillis: POOL_WAIT_MS,
      // Idle connections are closed after a while, so a pool refills with fresh ones after an outage.
      idleTimeoutMillis: 10_000,
      keepAlive: true,
    },
    { onPoolError: logLost, onConnectionError: logLost },
  );
  const connect = factory.connect.bind(factory);
  factory.connect = async () => reliableAdapter(await connect());
  return factory;
}
