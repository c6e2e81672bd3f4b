import type { DescMethod } from "@bufbuild/protobuf";
import type { TesseraError } from "./errors.js";
/** Exponential backoff with full jitter; `maxAttempts` counts the first call (1: no retries). */
export interface RetryPolicy {
    readonly maxAttempts: number;
    readonly initialBackoffMs: number;
    readonly maxBackoffMs: number;
    readonly multiplier: number;
}
export declare const defaultRetryPolicy: RetryPolicy;
export declare const noRetries: RetryPolicy;
/** Reconnects of resumable streams and transfers: about a minute of unbroken failures. */
export declare const streamRetryPolicy: RetryPolicy;
/** Milliseconds to wait after failed attempt `attempt` (from 1): the server's RetryInfo, or
 * a random time up to the exponential cap. */
export declare function backoffMs(policy: RetryPolicy, attempt: number, error?: TesseraError): number;
/** Whether the method is declared NO_SIDE_EFFECTS or IDEMPOTENT. */
export declare function isSafeMethod(method: DescMethod): boolean;
/** Whether `message` carries a non-empty client-chosen `requestId`. */
export declare function hasRequestId(message: unknown): boolean;
/** Whether a failed unary call may be sent again. */
export declare function isRetryable(method: DescMethod, message: unknown, error: TesseraError): boolean;
/** Resolves after `ms`, or rejects when `signal` aborts first. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
