import net from "node:net";

export type FailoverProxy = {
  url: string;
  port: number;
  routedTo: number[];
  /** New connections wait (as at a balancer still noticing a backend died) until release(). */
  holdNewConnections(): void;
  release(): void;
  /** Cuts every open connection, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
};

/** A TCP load balancer in miniature: each new connection goes to the first backend that accepts it. */
export async function startFailoverProxy(backendPorts: number[]): Promise<FailoverProxy> {
  const routedTo: number[] = [];
  const open = new Set<net.Socket>();
  let held: Array<() => void> | null = null;
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const tryBackend = (index: number) => {
      if (index >= backendPorts.length) return client.destroy();
      const upstream = net.connect(backendPorts[index], "127.0.0.1");
      upstream.once("error", () => tryBackend(index + 1));
      upstream.once("connect", () => {
        routedTo.push(backendPorts[index]);
        open.add(upstream);
        upstream.removeAllListeners("error");
        upstream.on("error", () => upstream.destroy());
        upstream.on("close", () => (open.delete(upstream), client.destroy()));
        client.on("close", () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    if (held) held.push(() => tryBackend(0));
    else tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    routedTo,
    holdNewConnections: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const route of waiting) route();
    },
    dropConnections: () => {
      for (const socket of open) socket.destroy();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
