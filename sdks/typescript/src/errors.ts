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
import {
  BadRequestSchema,
  ErrorInfoSchema,
  PreconditionFailureSchema,
  QuotaFailureSchema,
  ResourceInfoSchema,
  RetryInfoSchema,
  type BadRequest_FieldViolation,
  type ErrorInfo,
  type PreconditionFailure_Violation,
  type QuotaFailure_Violation,
  type ResourceInfo,
} from "./gen/google/rpc/error_details_pb.js";

export { Code };

/** A failed call: `code`, the server's `rawMessage`, and typed accessors for its details. */
export class TesseraError extends ConnectError {
  // ConnectError's own check accepts any error shaped like one; this class checks its type.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && TesseraError.prototype.isPrototypeOf(value);
  }

  /** `reason` as a TesseraError (a ConnectError keeps its code, metadata and details). */
  static override from(reason: unknown, code?: Code): TesseraError {
    if (reason instanceof TesseraError) {
      return reason;
    }
    const error = ConnectError.from(reason, code);
    const converted = new TesseraError(error.rawMessage, error.code, error.metadata, undefined, error.cause);
    converted.details = error.details;
    return converted;
  }

  /** The bad fields of an INVALID_ARGUMENT (BadRequest), in the server's order. */
  get fieldViolations(): BadRequest_FieldViolation[] {
    return this.findDetails(BadRequestSchema).flatMap((bad) => bad.fieldViolations);
  }

  /** The machine-readable reason (for example `SESSION_INVALID`) and its metadata. */
  get errorInfo(): ErrorInfo | undefined {
    return this.findDetails(ErrorInfoSchema)[0];
  }

  /** `errorInfo.reason`, if the server sent one. */
  get reason(): string | undefined {
    return this.errorInfo?.reason;
  }

  /** Milliseconds the server asks the caller to wait before retrying (RetryInfo). */
  get retryDelayMs(): number | undefined {
    const delay = this.findDetails(RetryInfoSchema)[0]?.retryDelay;
    return delay === undefined ? undefined : Number(delay.seconds) * 1000 + delay.nanos / 1e6;
  }

  /** Which quota is exhausted (RESOURCE_EXHAUSTED). */
  get quotaViolations(): QuotaFailure_Violation[] {
    return this.findDetails(QuotaFailureSchema).flatMap((failure) => failure.violations);
  }

  /** Which preconditions failed (FAILED_PRECONDITION). */
  get preconditionViolations(): PreconditionFailure_Violation[] {
    return this.findDetails(PreconditionFailureSchema).flatMap((failure) => failure.violations);
  }

  /** The resource a NOT_FOUND or ALREADY_EXISTS is about. */
  get resourceInfo(): ResourceInfo | undefined {
    return this.findDetails(ResourceInfoSchema)[0];
  }
}
