// When and how long to retry: UNAVAILABLE only, and only for calls that are safe to repeat:
// RPCs the contract declares free of side effects or idempotent (`option idempotency_level`),
// or requests carrying a client-chosen `request_id` (the server answers a repeated id with the
// original result). Anything else may have taken effect before the connection failed.

import type { DescMethod } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { Code } from "@connectrpc/connect";

import type { TesseraError } from "./errors.js";

/** Exponential backoff with full jitter; `maxAttempts` counts the first call (1: no retries). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly multiplier: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 5000,
  multiplier: 2,
};

export const noRetries: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 1 };

/** Reconnects of resumable streams and transfers: about a minute of unbroken failures. */
export const streamRetryPolicy: RetryPolicy = {
  maxAttempts: 20,
  initialBackoffMs: 200,
  maxBackoffMs: 5000,
  multiplier: 2,
};

/** Milliseconds to wait after failed attempt `attempt` (from 1): the server's RetryInfo, or
 * a random time up to the exponential cap. */
export function backoffMs(policy: RetryPolicy, attempt: number, error?: TesseraError): number {
  const hinted = error?.retryDelayMs;
  if (hinted !== undefined) {
    return hinted;
  }
  const cap = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * policy.multiplier ** (attempt - 1));
  return Math.random() * cap;
}

/** Whether the method is declared NO_SIDE_EFFECTS or IDEMPOTENT. */
export function isSafeMethod(method: DescMethod): boolean {
  return (
    method.idempotency === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS ||
    method.idempotency === MethodOptions_IdempotencyLevel.IDEMPOTENT
  );
}

/** Whether `message` carries a non-empty client-chosen `requestId`. */
export function hasRequestId(message: unknown): boolean {
  const id = (message as { requestId?: unknown } | null)?.requestId;
  return typeof id === "string" && id !== "";
}

/** Whether a failed unary call may be sent again. */
export function isRetryable(method: DescMethod, message: unknown, error: TesseraError): boolean {
  return error.code === Code.Unavailable && (isSafeMethod(method) || hasRequestId(message));
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
