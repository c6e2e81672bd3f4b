import { Code, ConnectError } from "@connectrpc/connect";
import { type BadRequest_FieldViolation, type ErrorInfo, type PreconditionFailure_Violation, type QuotaFailure_Violation, type ResourceInfo } from "./gen/google/rpc/error_details_pb.js";
export { Code };
/** A failed call: `code`, the server's `rawMessage`, and typed accessors for its details. */
export declare class TesseraError extends ConnectError {
    static [Symbol.hasInstance](value: unknown): boolean;
    /** `reason` as a TesseraError (a ConnectError keeps its code, metadata and details). */
    static from(reason: unknown, code?: Code): TesseraError;
    /** The bad fields of an INVALID_ARGUMENT (BadRequest), in the server's order. */
    get fieldViolations(): BadRequest_FieldViolation[];
    /** The machine-readable reason (for example `SESSION_INVALID`) and its metadata. */
    get errorInfo(): ErrorInfo | undefined;
    /** `errorInfo.reason`, if the server sent one. */
    get reason(): string | undefined;
    /** Milliseconds the server asks the caller to wait before retrying (RetryInfo). */
    get retryDelayMs(): number | undefined;
    /** Which quota is exhausted (RESOURCE_EXHAUSTED). */
    get quotaViolations(): QuotaFailure_Violation[];
    /** Which preconditions failed (FAILED_PRECONDITION). */
    get preconditionViolations(): PreconditionFailure_Violation[];
    /** The resource a NOT_FOUND or ALREADY_EXISTS is about. */
    get resourceInfo(): ResourceInfo | undefined;
}
