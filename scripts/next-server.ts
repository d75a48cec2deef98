/**
 * Starting and stopping a Next server for the browser tests and the benchmarks: a free port,
 * waiting until it answers, stopping it with its workers.
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `url` answers with a status below 500; rejects if the server exits or times out. */
export async function waitForServer(url: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Stops a server started with `detached: true` (its whole process group), else the process. */
export function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.pid === undefined) return resolve();
    server.once('exit', () => resolve());
    // The server was started in its own process group: stop it and its workers, nothing else.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 10_000).unref();
  });
}

/** Median time of `n` GET requests to `url` after two warm-ups, the last status, and a warm-up's body. */
export async function timeRequests(url: string, n: number): Promise<{ median: number; status: number; body: string }> {
  let status = 0;
  let body = '';
  for (let i = 0; i < 2; i++) {
    const res = await fetch(url);
    body = await res.text();
    status = res.status;
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], status, body };
}
