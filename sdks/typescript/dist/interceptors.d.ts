import type { Interceptor } from "@connectrpc/connect";
import { type RetryPolicy } from "./retry.js";
/** A bearer token, or a function returning the current one (asked on every call). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>) | undefined;
/** Sets `authorization: Bearer <token>` unless the call set its own. */
export declare function bearer(token: TokenSource): Interceptor;
/** Maps every error to a TesseraError and retries safe unary calls on UNAVAILABLE. */
export declare function resilience(policy: RetryPolicy): Interceptor;
