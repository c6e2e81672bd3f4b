import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { SubscriptionTier } from "./users_pb.js";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/internal.proto.
 */
export declare const file_tessera_identity_v1_internal: GenFile;
/**
 * IntrospectTokenRequest is the input of IntrospectionService.IntrospectToken.
 *
 * @generated from message tessera.identity.v1.IntrospectTokenRequest
 */
export type IntrospectTokenRequest = Message<"tessera.identity.v1.IntrospectTokenRequest"> & {
    /**
     * Required. The session token a caller presented.
     *
     * @generated from field: string token = 1;
     */
    token: string;
};
/**
 * Describes the message tessera.identity.v1.IntrospectTokenRequest.
 * Use `create(IntrospectTokenRequestSchema)` to create a new message.
 */
export declare const IntrospectTokenRequestSchema: GenMessage<IntrospectTokenRequest>;
/**
 * IntrospectTokenResponse is the output of IntrospectionService.IntrospectToken.
 *
 * @generated from message tessera.identity.v1.IntrospectTokenResponse
 */
export type IntrospectTokenResponse = Message<"tessera.identity.v1.IntrospectTokenResponse"> & {
    /**
     * The principal the token stands for.
     *
     * @generated from field: tessera.identity.v1.Principal principal = 1;
     */
    principal?: Principal | undefined;
};
/**
 * Describes the message tessera.identity.v1.IntrospectTokenResponse.
 * Use `create(IntrospectTokenResponseSchema)` to create a new message.
 */
export declare const IntrospectTokenResponseSchema: GenMessage<IntrospectTokenResponse>;
/**
 * Principal is an authenticated user as the other services see it.
 *
 * @generated from message tessera.identity.v1.Principal
 */
export type Principal = Message<"tessera.identity.v1.Principal"> & {
    /**
     * The user's id.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * The session's id.
     *
     * @generated from field: string session_id = 2;
     */
    sessionId: string;
    /**
     * The user's plan.
     *
     * @generated from field: tessera.identity.v1.SubscriptionTier subscription_tier = 3;
     */
    subscriptionTier: SubscriptionTier;
    /**
     * When the session expires.
     *
     * @generated from field: google.protobuf.Timestamp expire_time = 4;
     */
    expireTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.Principal.
 * Use `create(PrincipalSchema)` to create a new message.
 */
export declare const PrincipalSchema: GenMessage<Principal>;
/**
 * ClaimTokenRequest is the input of AntiReplayService.ClaimToken.
 *
 * @generated from message tessera.identity.v1.ClaimTokenRequest
 */
export type ClaimTokenRequest = Message<"tessera.identity.v1.ClaimTokenRequest"> & {
    /**
     * Required. The token, 16 to 512 bytes.
     *
     * @generated from field: string token = 1;
     */
    token: string;
};
/**
 * Describes the message tessera.identity.v1.ClaimTokenRequest.
 * Use `create(ClaimTokenRequestSchema)` to create a new message.
 */
export declare const ClaimTokenRequestSchema: GenMessage<ClaimTokenRequest>;
/**
 * ClaimTokenResponse is the output of AntiReplayService.ClaimToken.
 *
 * @generated from message tessera.identity.v1.ClaimTokenResponse
 */
export type ClaimTokenResponse = Message<"tessera.identity.v1.ClaimTokenResponse"> & {
    /**
     * When the claim was recorded.
     *
     * @generated from field: google.protobuf.Timestamp claim_time = 1;
     */
    claimTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.ClaimTokenResponse.
 * Use `create(ClaimTokenResponseSchema)` to create a new message.
 */
export declare const ClaimTokenResponseSchema: GenMessage<ClaimTokenResponse>;
/**
 * GetApiKeyPlaintextRequest is the input of ApiKeyVaultService.GetApiKeyPlaintext.
 *
 * @generated from message tessera.identity.v1.GetApiKeyPlaintextRequest
 */
export type GetApiKeyPlaintextRequest = Message<"tessera.identity.v1.GetApiKeyPlaintextRequest"> & {
    /**
     * Required. The user's id.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required. The provider.
     *
     * @generated from field: string provider = 2;
     */
    provider: string;
};
/**
 * Describes the message tessera.identity.v1.GetApiKeyPlaintextRequest.
 * Use `create(GetApiKeyPlaintextRequestSchema)` to create a new message.
 */
export declare const GetApiKeyPlaintextRequestSchema: GenMessage<GetApiKeyPlaintextRequest>;
/**
 * GetApiKeyPlaintextResponse is the output of ApiKeyVaultService.GetApiKeyPlaintext.
 *
 * @generated from message tessera.identity.v1.GetApiKeyPlaintextResponse
 */
export type GetApiKeyPlaintextResponse = Message<"tessera.identity.v1.GetApiKeyPlaintextResponse"> & {
    /**
     * The environment variable name.
     *
     * @generated from field: string key_name = 1;
     */
    keyName: string;
    /**
     * Secret: the key in plaintext.
     *
     * @generated from field: string value = 2;
     */
    value: string;
};
/**
 * Describes the message tessera.identity.v1.GetApiKeyPlaintextResponse.
 * Use `create(GetApiKeyPlaintextResponseSchema)` to create a new message.
 */
export declare const GetApiKeyPlaintextResponseSchema: GenMessage<GetApiKeyPlaintextResponse>;
/**
 * IntrospectionService resolves bearer tokens for the other Tessera services. Internal: it
 * requires a service credential (`authorization: Bearer <service token>`), not a user token.
 * Without credentials: UNAUTHENTICATED (reason SERVICE_CREDENTIAL_REQUIRED); with an unknown
 * credential: UNAUTHENTICATED (CREDENTIALS_INVALID); with a user's session: PERMISSION_DENIED
 * (SERVICE_ONLY). The same holds for every internal service of the suite.
 *
 * @generated from service tessera.identity.v1.IntrospectionService
 */
export declare const IntrospectionService: GenService<{
    /**
     * IntrospectToken returns who a session token belongs to, or UNAUTHENTICATED when the token
     * is unknown, expired or revoked (ErrorInfo reason SESSION_INVALID).
     *
     * @generated from rpc tessera.identity.v1.IntrospectionService.IntrospectToken
     */
    introspectToken: {
        methodKind: "unary";
        input: typeof IntrospectTokenRequestSchema;
        output: typeof IntrospectTokenResponseSchema;
    };
}>;
/**
 * AntiReplayService records one-time tokens (nonces) so that each is accepted once. Internal:
 * it requires a service credential.
 *
 * @generated from service tessera.identity.v1.AntiReplayService
 */
export declare const AntiReplayService: GenService<{
    /**
     * ClaimToken records a one-time token. The first claim succeeds; every later claim of the
     * same token fails with ALREADY_EXISTS, atomically under concurrency. Claims are kept for
     * 24 hours.
     *
     * @generated from rpc tessera.identity.v1.AntiReplayService.ClaimToken
     */
    claimToken: {
        methodKind: "unary";
        input: typeof ClaimTokenRequestSchema;
        output: typeof ClaimTokenResponseSchema;
    };
}>;
/**
 * ApiKeyVaultService hands stored API keys in plaintext to the suite's services (for example
 * project-intelligence calling an LLM on a user's behalf). Internal: it requires a service
 * credential; user tokens are refused.
 *
 * @generated from service tessera.identity.v1.ApiKeyVaultService
 */
export declare const ApiKeyVaultService: GenService<{
    /**
     * GetApiKeyPlaintext returns a user's key for a provider in plaintext.
     *
     * @generated from rpc tessera.identity.v1.ApiKeyVaultService.GetApiKeyPlaintext
     */
    getApiKeyPlaintext: {
        methodKind: "unary";
        input: typeof GetApiKeyPlaintextRequestSchema;
        output: typeof GetApiKeyPlaintextResponseSchema;
    };
}>;
