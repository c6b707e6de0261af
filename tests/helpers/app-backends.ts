// The test database's server-side sessions, seen from an admin connection: to wait until the
// app is inside a transaction and to kill its connections as a crash or an operator would.
import pg from "pg";

export interface BackendControl {
  /** Resolves true once some session of the database is inside a transaction, false if `stop` resolves first. */
  waitForOpenTransaction(stop: Promise<unknown>): Promise<boolean>;
  /** pg_terminate_backend on every session of the database except this one; the count killed. */
  terminateAll(): Promise<number>;
  close(): Promise<void>;
}

export async function controlBackends(serverUrl: string, database: string): Promise<BackendControl> {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  const others = `datname = $1 AND pid <> pg_backend_pid()`;
  return {
    async waitForOpenTransaction(stop) {
      let stopped = false;
      void stop.finally(() => { stopped = true; });
      while (!stopped) {
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${others} AND xact_start IS NOT NULL`, [database]);
        if (rows[0].n > 0) return true;
      }
      return false;
    },
    async terminateAll() {
      // In the select list, so only the rows the WHERE keeps are signalled (never another database's).
      const { rows } = await admin.query<{ pid: number }>(`SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${others}`, [database]);
      // pg_terminate_backend only signals: wait until each backend has exited (sent its last
      // message and closed its socket), so what the app sees next is the outage, not a race with it.
      const pids = rows.map((r) => r.pid);
      while (pids.length && (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)`, [pids])).rowCount) { /* next poll */ }
      return pids.length;
    },
    close: () => admin.end(),
  };
}
