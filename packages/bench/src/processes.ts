import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export interface Started {
  url: string;
  /** Milliseconds from spawning the process to its `ready` line. */
  startupMs: number;
  stop(): Promise<void>;
}

/** Starts a server in its own Node.js process; resolves once it prints `ready`. */
export async function startProcess(name: string, cwd: string, args: string[], env: Record<string, string>, ready: string): Promise<Started> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: `${root}${cwd}`,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 60_000);
    child.stdout.on("data", () => {
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  const startupMs = performance.now() - spawnedAt;
  return {
    url: `http://127.0.0.1:${port}`,
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
