// The interceptors behind createTessera: the bearer token on every call, errors as
// TesseraErrors (streams included), and retries of safe unary calls (see retry.ts).
import { TesseraError } from "./errors.js";
import { backoffMs, isRetryable, sleep } from "./retry.js";
/** Sets `authorization: Bearer <token>` unless the call set its own. */
export function bearer(token) {
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
async function* mapped(messages) {
    try {
        yield* messages;
    }
    catch (error) {
        throw TesseraError.from(error);
    }
}
/** Maps every error to a TesseraError and retries safe unary calls on UNAVAILABLE. */
export function resilience(policy) {
    return (next) => async (req) => {
        for (let attempt = 1;; attempt++) {
            let error;
            try {
                const res = await next(req);
                if (res.stream) {
                    return { ...res, message: mapped(res.message) };
                }
                return res;
            }
            catch (reason) {
                error = TesseraError.from(reason);
            }
            if (req.stream || attempt >= policy.maxAttempts || !isRetryable(req.method, req.message, error)) {
                throw error;
            }
            try {
                await sleep(backoffMs(policy, attempt, error), req.signal);
            }
            catch {
                throw error; // the call's deadline passed or it was cancelled while waiting
            }
        }
    };
}
