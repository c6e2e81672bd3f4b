// createTessera: one gRPC (HTTP/2) transport per service binary, a Connect client for every
// service on it.
//
//   const t = createTessera({ identity: "http://localhost:50051", token: () => session.token });
//   const { user } = await t.identity.account.getAccount({});

import type { DescService } from "@bufbuild/protobuf";
import { type Client, type Interceptor, createClient } from "@connectrpc/connect";
import { type GrpcTransportOptions, Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";

import { type TokenSource, bearer, resilience } from "./interceptors.js";
import { type RetryPolicy, defaultRetryPolicy } from "./retry.js";
import { services } from "./services.js";

type Binary = keyof typeof services;

/** A Connect client for each service of a group. */
export type Clients<T> = { [K in keyof T]: T[K] extends DescService ? Client<T[K]> : never };

export interface TesseraOptions {
  /** identity's base URL, e.g. `http://localhost:50051` (`https://` for TLS). */
  identity?: string;
  /** vault-storage's base URL. */
  vaultStorage?: string;
  /** messaging's base URL. */
  messaging?: string;
  /** project-intelligence's base URL. */
  projectIntelligence?: string;
  /** The bearer token, or a function returning the current one (asked for every call). */
  token?: TokenSource;
  /** Retries of safe unary calls on UNAVAILABLE; `noRetries` turns them off. */
  retry?: RetryPolicy;
  /** More interceptors, run inside the SDK's (after the token is set). */
  interceptors?: Interceptor[];
  /** Transport settings (TLS options in `nodeOptions`, message limits, timeouts). */
  transport?: Partial<Omit<GrpcTransportOptions, "baseUrl" | "interceptors" | "sessionManager">>;
}

/** The Tessera services, by binary; a binary without an address throws when used. */
export interface Tessera {
  readonly identity: Clients<typeof services.identity>;
  readonly vaultStorage: Clients<typeof services.vaultStorage>;
  readonly messaging: Clients<typeof services.messaging>;
  readonly projectIntelligence: Clients<typeof services.projectIntelligence>;
  /** Closes every connection. */
  close(): void;
}

export function createTessera(options: TesseraOptions): Tessera {
  const interceptors = [
    resilience(options.retry ?? defaultRetryPolicy),
    bearer(options.token),
    ...(options.interceptors ?? []),
  ];
  const sessions: Http2SessionManager[] = [];
  const opened = new Map<Binary, unknown>();
  function group<B extends Binary>(binary: B): Clients<(typeof services)[B]> {
    const existing = opened.get(binary);
    if (existing) {
      return existing as Clients<(typeof services)[B]>;
    }
    const baseUrl = options[binary];
    if (!baseUrl) {
      throw new Error(`no address configured for ${binary}`);
    }
    const sessionManager = new Http2SessionManager(baseUrl, undefined, options.transport?.nodeOptions);
    sessions.push(sessionManager);
    const transport = createGrpcTransport({ ...options.transport, baseUrl, interceptors, sessionManager });
    const clients = Object.fromEntries(
      Object.entries(services[binary]).map(([name, service]) => [name, createClient(service, transport)]),
    ) as Clients<(typeof services)[B]>;
    opened.set(binary, clients);
    return clients;
  }
  return {
    get identity() {
      return group("identity");
    },
    get vaultStorage() {
      return group("vaultStorage");
    },
    get messaging() {
      return group("messaging");
    },
    get projectIntelligence() {
      return group("projectIntelligence");
    },
    close() {
      for (const session of sessions.splice(0)) {
        session.abort();
      }
      opened.clear();
    },
  };
}
