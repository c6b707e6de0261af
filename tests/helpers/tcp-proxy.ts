// A TCP relay between the app and PostgreSQL, so a test can take the database away (every
// connection cut, new ones refused) and bring it back without touching the shared server.
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Cuts every open connection and refuses new ones, as a stopped server would. */
  down(): Promise<void>;
  /** Resolves when the app next sends a message containing `text` (e.g. "BEGIN": it is inside a transaction). */
  nextSent(text: string): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Resolves once no relayed connection is left whose database side has closed: the app's end of
   *  each connection the server dropped is closed too (its pool hears it on the next I/O turn). */
  drained(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const watchers: { text: string; resolve: () => void }[] = [];
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  // Client sockets whose database side has ended but which are not closed yet.
  const closing = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    upstream.on("end", () => { if (!client.destroyed) closing.add(client); });
    client.on("close", () => closing.delete(client));
    track(client);
    client.on("data", (chunk: Buffer) => {
      const sent = chunk.toString("latin1");
      for (const w of watchers.splice(0)) (sent.includes(w.text) ? w.resolve() : watchers.push(w));
    });
    track(upstream);
    client.pipe(upstream).on("close", () => upstream.destroy());
    upstream.pipe(client).on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const nextSent = (text: string) => new Promise<void>((resolve) => { watchers.push({ text, resolve }); });
  const drained = async () => {
    while (closing.size) await new Promise((resolve) => setImmediate(resolve));
    // One more I/O turn: the app's sockets read the close the relay just made.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { port, nextSent, down: stop, up: () => listen(port), close: async () => { if (server.listening) await stop(); }, drained };
}
