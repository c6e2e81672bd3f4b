import type { DescService } from "@bufbuild/protobuf";
import { type Client, type Interceptor } from "@connectrpc/connect";
import { type GrpcTransportOptions } from "@connectrpc/connect-node";
import { type TokenSource } from "./interceptors.js";
import { type RetryPolicy } from "./retry.js";
import { services } from "./services.js";
/** A Connect client for each service of a group. */
export type Clients<T> = {
    [K in keyof T]: T[K] extends DescService ? Client<T[K]> : never;
};
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
export declare function createTessera(options: TesseraOptions): Tessera;
