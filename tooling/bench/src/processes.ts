import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** Starts a child process (a server under test, a baseline) and waits for a line that says it is ready. */
export function launch(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`)));
    setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output}`)), 60_000).unref();
  });
}

/**
 * SIGINT, as Ctrl-C does, so a server finishes in-flight requests and stops its PostgreSQL cleanly;
 * SIGKILL if it hangs. Resolves with the exit code, or the signal's name when it had to be killed.
 */
export async function stopProcess(child: ChildProcess): Promise<number | string | null> {
  const status = () => child.exitCode ?? child.signalCode;
  if (status() !== null) return status();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  return status();
}

/** A port free on 127.0.0.1 right now (a small race remains until the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
