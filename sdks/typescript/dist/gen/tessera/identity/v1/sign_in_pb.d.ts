import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type { IssuedSession, KdfParams, User } from "./users_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/sign_in.proto.
 */
export declare const file_tessera_identity_v1_sign_in: GenFile;
/**
 * RequestMagicLinkRequest is the input of SignInService.RequestMagicLink.
 *
 * @generated from message tessera.identity.v1.RequestMagicLinkRequest
 */
export type RequestMagicLinkRequest = Message<"tessera.identity.v1.RequestMagicLinkRequest"> & {
    /**
     * Required. The email address to sign in with.
     *
     * @generated from field: string email = 1;
     */
    email: string;
};
/**
 * Describes the message tessera.identity.v1.RequestMagicLinkRequest.
 * Use `create(RequestMagicLinkRequestSchema)` to create a new message.
 */
export declare const RequestMagicLinkRequestSchema: GenMessage<RequestMagicLinkRequest>;
/**
 * RequestMagicLinkResponse is the output of SignInService.RequestMagicLink.
 *
 * @generated from message tessera.identity.v1.RequestMagicLinkResponse
 */
export type RequestMagicLinkResponse = Message<"tessera.identity.v1.RequestMagicLinkResponse"> & {
    /**
     * When the code expires.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 1;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.RequestMagicLinkResponse.
 * Use `create(RequestMagicLinkResponseSchema)` to create a new message.
 */
export declare const RequestMagicLinkResponseSchema: GenMessage<RequestMagicLinkResponse>;
/**
 * VerifyMagicLinkRequest is the input of SignInService.VerifyMagicLink.
 *
 * @generated from message tessera.identity.v1.VerifyMagicLinkRequest
 */
export type VerifyMagicLinkRequest = Message<"tessera.identity.v1.VerifyMagicLinkRequest"> & {
    /**
     * Required. The email address the code was sent to.
     *
     * @generated from field: string email = 1;
     */
    email: string;
    /**
     * Required. The code from the link.
     *
     * @generated from field: string code = 2;
     */
    code: string;
    /**
     * Optional: describes the client for the session list.
     *
     * @generated from field: string client_description = 3;
     */
    clientDescription: string;
};
/**
 * Describes the message tessera.identity.v1.VerifyMagicLinkRequest.
 * Use `create(VerifyMagicLinkRequestSchema)` to create a new message.
 */
export declare const VerifyMagicLinkRequestSchema: GenMessage<VerifyMagicLinkRequest>;
/**
 * VerifyMagicLinkResponse is the output of SignInService.VerifyMagicLink.
 *
 * @generated from message tessera.identity.v1.VerifyMagicLinkResponse
 */
export type VerifyMagicLinkResponse = Message<"tessera.identity.v1.VerifyMagicLinkResponse"> & {
    /**
     * The new session.
     *
     * @generated from field: tessera.identity.v1.IssuedSession session = 1;
     */
    session?: IssuedSession | undefined;
    /**
     * The account (created now if it did not exist).
     *
     * @generated from field: tessera.identity.v1.User user = 2;
     */
    user?: User | undefined;
    /**
     * Whether the account was created by this verification.
     *
     * @generated from field: bool created = 3;
     */
    created: boolean;
};
/**
 * Describes the message tessera.identity.v1.VerifyMagicLinkResponse.
 * Use `create(VerifyMagicLinkResponseSchema)` to create a new message.
 */
export declare const VerifyMagicLinkResponseSchema: GenMessage<VerifyMagicLinkResponse>;
/**
 * StartDeviceAuthorizationRequest is the input of SignInService.StartDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.StartDeviceAuthorizationRequest
 */
export type StartDeviceAuthorizationRequest = Message<"tessera.identity.v1.StartDeviceAuthorizationRequest"> & {
    /**
     * Optional: describes the device for the session list.
     *
     * @generated from field: string client_description = 1;
     */
    clientDescription: string;
};
/**
 * Describes the message tessera.identity.v1.StartDeviceAuthorizationRequest.
 * Use `create(StartDeviceAuthorizationRequestSchema)` to create a new message.
 */
export declare const StartDeviceAuthorizationRequestSchema: GenMessage<StartDeviceAuthorizationRequest>;
/**
 * StartDeviceAuthorizationResponse is the output of SignInService.StartDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.StartDeviceAuthorizationResponse
 */
export type StartDeviceAuthorizationResponse = Message<"tessera.identity.v1.StartDeviceAuthorizationResponse"> & {
    /**
     * Secret: the device keeps it and polls with it.
     *
     * @generated from field: string device_code = 1;
     */
    deviceCode: string;
    /**
     * Shown to the user, e.g. `CDFG-2345`: 4 letters from 18 (no vowels, none that reads as a
     * digit) and 4 digits from 8 (no 0 or 1): 18^4 x 8^4, about 4.3e8 codes or 28.7 bits, which
     * is why wrong entries are throttled. Unique among pending authorizations.
     *
     * @generated from field: string user_code = 2;
     */
    userCode: string;
    /**
     * Where the user enters the user code.
     *
     * @generated from field: string verification_uri = 3;
     */
    verificationUri: string;
    /**
     * The verification URI with the user code filled in.
     *
     * @generated from field: string verification_uri_complete = 4;
     */
    verificationUriComplete: string;
    /**
     * Minimum time between polls.
     *
     * @generated from field: google.protobuf.Duration interval = 5;
     */
    interval?: Duration | undefined;
    /**
     * When the codes expire (15 minutes).
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 6;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.StartDeviceAuthorizationResponse.
 * Use `create(StartDeviceAuthorizationResponseSchema)` to create a new message.
 */
export declare const StartDeviceAuthorizationResponseSchema: GenMessage<StartDeviceAuthorizationResponse>;
/**
 * PollDeviceAuthorizationRequest is the input of SignInService.PollDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.PollDeviceAuthorizationRequest
 */
export type PollDeviceAuthorizationRequest = Message<"tessera.identity.v1.PollDeviceAuthorizationRequest"> & {
    /**
     * Required. The device code from StartDeviceAuthorization.
     *
     * @generated from field: string device_code = 1;
     */
    deviceCode: string;
};
/**
 * Describes the message tessera.identity.v1.PollDeviceAuthorizationRequest.
 * Use `create(PollDeviceAuthorizationRequestSchema)` to create a new message.
 */
export declare const PollDeviceAuthorizationRequestSchema: GenMessage<PollDeviceAuthorizationRequest>;
/**
 * PollDeviceAuthorizationResponse is the output of SignInService.PollDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.PollDeviceAuthorizationResponse
 */
export type PollDeviceAuthorizationResponse = Message<"tessera.identity.v1.PollDeviceAuthorizationResponse"> & {
    /**
     * The new session.
     *
     * @generated from field: tessera.identity.v1.IssuedSession session = 1;
     */
    session?: IssuedSession | undefined;
};
/**
 * Describes the message tessera.identity.v1.PollDeviceAuthorizationResponse.
 * Use `create(PollDeviceAuthorizationResponseSchema)` to create a new message.
 */
export declare const PollDeviceAuthorizationResponseSchema: GenMessage<PollDeviceAuthorizationResponse>;
/**
 * ApproveDeviceAuthorizationRequest is the input of SignInService.ApproveDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.ApproveDeviceAuthorizationRequest
 */
export type ApproveDeviceAuthorizationRequest = Message<"tessera.identity.v1.ApproveDeviceAuthorizationRequest"> & {
    /**
     * Required. The code the device shows; case and dashes do not matter.
     *
     * @generated from field: string user_code = 1;
     */
    userCode: string;
    /**
     * True to approve, false to deny.
     *
     * @generated from field: bool approve = 2;
     */
    approve: boolean;
};
/**
 * Describes the message tessera.identity.v1.ApproveDeviceAuthorizationRequest.
 * Use `create(ApproveDeviceAuthorizationRequestSchema)` to create a new message.
 */
export declare const ApproveDeviceAuthorizationRequestSchema: GenMessage<ApproveDeviceAuthorizationRequest>;
/**
 * ApproveDeviceAuthorizationResponse is the output of SignInService.ApproveDeviceAuthorization.
 *
 * @generated from message tessera.identity.v1.ApproveDeviceAuthorizationResponse
 */
export type ApproveDeviceAuthorizationResponse = Message<"tessera.identity.v1.ApproveDeviceAuthorizationResponse"> & {
    /**
     * What the device described itself as.
     *
     * @generated from field: string client_description = 1;
     */
    clientDescription: string;
};
/**
 * Describes the message tessera.identity.v1.ApproveDeviceAuthorizationResponse.
 * Use `create(ApproveDeviceAuthorizationResponseSchema)` to create a new message.
 */
export declare const ApproveDeviceAuthorizationResponseSchema: GenMessage<ApproveDeviceAuthorizationResponse>;
/**
 * PreloginRequest is the input of SignInService.Prelogin.
 *
 * @generated from message tessera.identity.v1.PreloginRequest
 */
export type PreloginRequest = Message<"tessera.identity.v1.PreloginRequest"> & {
    /**
     * Required. An email address or a username.
     *
     * @generated from field: string identifier = 1;
     */
    identifier: string;
};
/**
 * Describes the message tessera.identity.v1.PreloginRequest.
 * Use `create(PreloginRequestSchema)` to create a new message.
 */
export declare const PreloginRequestSchema: GenMessage<PreloginRequest>;
/**
 * PreloginResponse is the output of SignInService.Prelogin.
 *
 * @generated from message tessera.identity.v1.PreloginResponse
 */
export type PreloginResponse = Message<"tessera.identity.v1.PreloginResponse"> & {
    /**
     * The parameters to derive the AuthHash with.
     *
     * @generated from field: tessera.identity.v1.KdfParams kdf_params = 1;
     */
    kdfParams?: KdfParams | undefined;
};
/**
 * Describes the message tessera.identity.v1.PreloginResponse.
 * Use `create(PreloginResponseSchema)` to create a new message.
 */
export declare const PreloginResponseSchema: GenMessage<PreloginResponse>;
/**
 * SignInWithPasswordRequest is the input of SignInService.SignInWithPassword.
 *
 * @generated from message tessera.identity.v1.SignInWithPasswordRequest
 */
export type SignInWithPasswordRequest = Message<"tessera.identity.v1.SignInWithPasswordRequest"> & {
    /**
     * Required. An email address or a username.
     *
     * @generated from field: string identifier = 1;
     */
    identifier: string;
    /**
     * Required. The password or AuthHash.
     *
     * @generated from field: string password = 2;
     */
    password: string;
    /**
     * Optional: describes the client for the session list.
     *
     * @generated from field: string client_description = 3;
     */
    clientDescription: string;
};
/**
 * Describes the message tessera.identity.v1.SignInWithPasswordRequest.
 * Use `create(SignInWithPasswordRequestSchema)` to create a new message.
 */
export declare const SignInWithPasswordRequestSchema: GenMessage<SignInWithPasswordRequest>;
/**
 * SignInWithPasswordResponse is the output of SignInService.SignInWithPassword.
 *
 * @generated from message tessera.identity.v1.SignInWithPasswordResponse
 */
export type SignInWithPasswordResponse = Message<"tessera.identity.v1.SignInWithPasswordResponse"> & {
    /**
     * The new session.
     *
     * @generated from field: tessera.identity.v1.IssuedSession session = 1;
     */
    session?: IssuedSession | undefined;
    /**
     * The account signed in to.
     *
     * @generated from field: tessera.identity.v1.User user = 2;
     */
    user?: User | undefined;
};
/**
 * Describes the message tessera.identity.v1.SignInWithPasswordResponse.
 * Use `create(SignInWithPasswordResponseSchema)` to create a new message.
 */
export declare const SignInWithPasswordResponseSchema: GenMessage<SignInWithPasswordResponse>;
/**
 * SignInService exchanges credentials for sessions. Unauthenticated.
 *
 * @generated from service tessera.identity.v1.SignInService
 */
export declare const SignInService: GenService<{
    /**
     * Prelogin returns the key-derivation parameters a zero-knowledge client needs before it can
     * derive its AuthHash. For an unknown account it returns deterministic made-up parameters,
     * so the answer reveals nothing about which accounts exist.
     *
     * @generated from rpc tessera.identity.v1.SignInService.Prelogin
     */
    prelogin: {
        methodKind: "unary";
        input: typeof PreloginRequestSchema;
        output: typeof PreloginResponseSchema;
    };
    /**
     * SignInWithPassword checks an email or username and password (or AuthHash) and returns a
     * session. An unknown account and a wrong password give the same UNAUTHENTICATED answer.
     * Repeated failures are throttled per account (5) and per client address (20):
     * RESOURCE_EXHAUSTED with ErrorInfo reason TOO_MANY_FAILURES and RetryInfo; lockouts start at
     * 30 s, double up to an hour, always end, and are forgotten after a quiet day.
     *
     * @generated from rpc tessera.identity.v1.SignInService.SignInWithPassword
     */
    signInWithPassword: {
        methodKind: "unary";
        input: typeof SignInWithPasswordRequestSchema;
        output: typeof SignInWithPasswordResponseSchema;
    };
    /**
     * RequestMagicLink sends a single-use sign-in code to an email address. It answers the same
     * whether or not an account exists (the account is created on first verification). At most
     * 5 codes per hour for one email address from one client address, and at most 20 per hour
     * for one email address in all (the ceiling against mail bombing): past either,
     * RESOURCE_EXHAUSTED with ErrorInfo reason MAGIC_LINK_SEND_LIMIT and RetryInfo. A client
     * elsewhere can always still ask for its own link.
     *
     * @generated from rpc tessera.identity.v1.SignInService.RequestMagicLink
     */
    requestMagicLink: {
        methodKind: "unary";
        input: typeof RequestMagicLinkRequestSchema;
        output: typeof RequestMagicLinkResponseSchema;
    };
    /**
     * VerifyMagicLink exchanges an email address and its code for a session. A code (128 random
     * bits) works once, for 15 minutes; it dies after 5 wrong attempts from the client address
     * that requested it, or 50 from anywhere. Wrong codes are also throttled per client address,
     * whatever the email (20 failures: RESOURCE_EXHAUSTED, reason TOO_MANY_FAILURES, RetryInfo).
     * A wrong, used or expired code: UNAUTHENTICATED with reason INVALID_CODE.
     *
     * @generated from rpc tessera.identity.v1.SignInService.VerifyMagicLink
     */
    verifyMagicLink: {
        methodKind: "unary";
        input: typeof VerifyMagicLinkRequestSchema;
        output: typeof VerifyMagicLinkResponseSchema;
    };
    /**
     * StartDeviceAuthorization begins an RFC 8628 device authorization for a command-line client.
     *
     * @generated from rpc tessera.identity.v1.SignInService.StartDeviceAuthorization
     */
    startDeviceAuthorization: {
        methodKind: "unary";
        input: typeof StartDeviceAuthorizationRequestSchema;
        output: typeof StartDeviceAuthorizationResponseSchema;
    };
    /**
     * PollDeviceAuthorization asks whether the user has approved. Failures carry the RFC's
     * outcome as ErrorInfo reason: `authorization_pending` (FAILED_PRECONDITION), `slow_down`
     * (RESOURCE_EXHAUSTED; the interval grew by 5 s), `access_denied` (PERMISSION_DENIED),
     * `expired_token` (FAILED_PRECONDITION). The session is issued exactly once.
     *
     * @generated from rpc tessera.identity.v1.SignInService.PollDeviceAuthorization
     */
    pollDeviceAuthorization: {
        methodKind: "unary";
        input: typeof PollDeviceAuthorizationRequestSchema;
        output: typeof PollDeviceAuthorizationResponseSchema;
    };
    /**
     * ApproveDeviceAuthorization lets the signed-in caller approve or deny a device by the user
     * code it shows. Requires a session token. User codes carry about 28.7 bits, so wrong codes
     * are throttled per user (5) and per client address (20), lockouts doubling from 30 s
     * (RESOURCE_EXHAUSTED, reason TOO_MANY_FAILURES, RetryInfo).
     *
     * @generated from rpc tessera.identity.v1.SignInService.ApproveDeviceAuthorization
     */
    approveDeviceAuthorization: {
        methodKind: "unary";
        input: typeof ApproveDeviceAuthorizationRequestSchema;
        output: typeof ApproveDeviceAuthorizationResponseSchema;
    };
}>;
