// The interceptors behind createTessera: the bearer token on every call, errors as
// TesseraErrors (streams included), and retries of safe unary calls (see retry.ts).

import type { Interceptor, StreamResponse } from "@connectrpc/connect";

import { TesseraError } from "./errors.js";
import { type RetryPolicy, backoffMs, isRetryable, sleep } from "./retry.js";

/** A bearer token, or a function returning the current one (asked on every call). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>) | undefined;

/** Sets `authorization: Bearer <token>` unless the call set its own. */
export function bearer(token: TokenSource): Interceptor {
  return (next) => async (req) => {
    if (!req.header.has("authorization")) {
      const value = typeof token === "function" ? await token() : token;
      if (value) {
        req.header.set("authorization", `Bearer ${value}`);
      }
    }
    return next(req);
  };
}

async function* mapped<T>(messages: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* messages;
  } catch (error) {
    throw TesseraError.from(error);
  }
}

/** Maps every error to a TesseraError and retries safe unary calls on UNAVAILABLE. */
export function resilience(policy: RetryPolicy): Interceptor {
  return (next) => async (req) => {
    for (let attempt = 1; ; attempt++) {
      let error: TesseraError;
      try {
        const res = await next(req);
        if (res.stream) {
          return { ...res, message: mapped(res.message) } as StreamResponse;
        }
        return res;
      } catch (reason) {
        error = TesseraError.from(reason);
      }
      if (req.stream || attempt >= policy.maxAttempts || !isRetryable(req.method, req.message, error)) {
        throw error;
      }
      try {
        await sleep(backoffMs(policy, attempt, error), req.signal);
      } catch {
        throw error; // the call's deadline passed or it was cancelled while waiting
      }
    }
  };
}
