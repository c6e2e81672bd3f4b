// Drives sdks/testing/suite.py: the real services on free ports, one fresh database.

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createInterface, type Interface } from "node:readline";

import { type Tessera, type TesseraOptions, createTessera, identity } from "../src/index.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
export const PASSWORD = "correct horse battery staple";

interface Description {
  addresses: Record<"identity" | "vault-storage" | "messaging" | "project-intelligence", string>;
  service_token: string;
  operator_token: string;
  volume_root: string;
}

export class Suite {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    readonly description: Description,
  ) {}

  static async start(): Promise<Suite> {
    const python = process.env.TESSERA_PYTHON ?? `${root}.tools/venv/bin/python`;
    const child = spawn(python, [`${root}sdks/testing/suite.py`], { stdio: ["pipe", "pipe", "pipe"] });
    const stderr: string[] = [];
    child.stderr.on("data", (data: Buffer) => stderr.push(data.toString()));
    const reader: Interface = createInterface({ input: child.stdout });
    const lines = reader[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) {
      throw new Error(`the suite did not start: ${stderr.join("")}`);
    }
    return new Suite(child, lines, JSON.parse(first.value) as Description);
  }

  private async command(line: string): Promise<void> {
    this.child.stdin.write(`${line}\n`);
    const answer = await this.lines.next();
    if (answer.done || answer.value !== "ok") {
      throw new Error(`${line}: ${answer.value ?? "the suite ended"}`);
    }
  }

  stop(service: string): Promise<void> {
    return this.command(`stop ${service}`);
  }

  /** Kills `service` (SIGKILL: a crash, nothing drained). */
  kill(service: string): Promise<void> {
    return this.command(`kill ${service}`);
  }

  start(service: string): Promise<void> {
    return this.command(`start ${service}`);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end();
    await exited;
  }

  /** A client of all four services with `options` (a token, a retry policy). */
  client(options: Omit<TesseraOptions, "identity" | "vaultStorage" | "messaging" | "projectIntelligence"> = {}): Tessera {
    const a = this.description.addresses;
    return createTessera({
      identity: `http://${a.identity}`,
      vaultStorage: `http://${a["vault-storage"]}`,
      messaging: `http://${a.messaging}`,
      projectIntelligence: `http://${a["project-intelligence"]}`,
      ...options,
    });
  }
}

export function uniqueEmail(name: string): string {
  return `${name}-${randomUUID().slice(0, 12)}@example.com`;
}

/** A new account and its session token. */
export async function signUp(client: Tessera, name: string): Promise<{ user: identity.User; token: string }> {
  const created = await client.identity.account.createAccount({ email: uniqueEmail(name), password: PASSWORD });
  if (!created.user || !created.session) {
    throw new Error("CreateAccount returned no user or session");
  }
  return { user: created.user, token: created.session.token };
}
