// Errors of Tessera calls: a ConnectError (so existing Connect code keeps working) with the
// google.rpc error details the services send, decoded and typed (API-CONVENTIONS.md, "Errors").
//
//   try { await t.identity.account.createAccount(request); }
//   catch (e) {
//     if (e instanceof TesseraError && e.code === Code.InvalidArgument) {
//       for (const v of e.fieldViolations) console.log(v.field, v.description);
//     }
//   }
import { Code, ConnectError } from "@connectrpc/connect";
import { BadRequestSchema, ErrorInfoSchema, PreconditionFailureSchema, QuotaFailureSchema, ResourceInfoSchema, RetryInfoSchema, } from "./gen/google/rpc/error_details_pb.js";
export { Code };
/** A failed call: `code`, the server's `rawMessage`, and typed accessors for its details. */
export class TesseraError extends ConnectError {
    // ConnectError's own check accepts any error shaped like one; this class checks its type.
    static [Symbol.hasInstance](value) {
        return typeof value === "object" && value !== null && TesseraError.prototype.isPrototypeOf(value);
    }
    /** `reason` as a TesseraError (a ConnectError keeps its code, metadata and details). */
    static from(reason, code) {
        if (reason instanceof TesseraError) {
            return reason;
        }
        const error = ConnectError.from(reason, code);
        const converted = new TesseraError(error.rawMessage, error.code, error.metadata, undefined, error.cause);
        converted.details = error.details;
        return converted;
    }
    /** The bad fields of an INVALID_ARGUMENT (BadRequest), in the server's order. */
    get fieldViolations() {
        return this.findDetails(BadRequestSchema).flatMap((bad) => bad.fieldViolations);
    }
    /** The machine-readable reason (for example `SESSION_INVALID`) and its metadata. */
    get errorInfo() {
        return this.findDetails(ErrorInfoSchema)[0];
    }
    /** `errorInfo.reason`, if the server sent one. */
    get reason() {
        return this.errorInfo?.reason;
    }
    /** Milliseconds the server asks the caller to wait before retrying (RetryInfo). */
    get retryDelayMs() {
        const delay = this.findDetails(RetryInfoSchema)[0]?.retryDelay;
        return delay === undefined ? undefined : Number(delay.seconds) * 1000 + delay.nanos / 1e6;
    }
    /** Which quota is exhausted (RESOURCE_EXHAUSTED). */
    get quotaViolations() {
        return this.findDetails(QuotaFailureSchema).flatMap((failure) => failure.violations);
    }
    /** Which preconditions failed (FAILED_PRECONDITION). */
    get preconditionViolations() {
        return this.findDetails(PreconditionFailureSchema).flatMap((failure) => failure.violations);
    }
    /** The resource a NOT_FOUND or ALREADY_EXISTS is about. */
    get resourceInfo() {
        return this.findDetails(ResourceInfoSchema)[0];
    }
}
