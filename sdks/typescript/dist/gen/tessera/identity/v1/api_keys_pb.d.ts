import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/identity/v1/api_keys.proto.
 */
export declare const file_tessera_identity_v1_api_keys: GenFile;
/**
 * ApiKey is a stored key as its owner may see it.
 *
 * @generated from message tessera.identity.v1.ApiKey
 */
export type ApiKey = Message<"tessera.identity.v1.ApiKey"> & {
    /**
     * Provider, e.g. `anthropic`, `openai`, `google`: 2 to 32 of [a-z0-9_-], starting with a letter.
     *
     * @generated from field: string provider = 1;
     */
    provider: string;
    /**
     * The environment variable name the key is used under, e.g. `ANTHROPIC_API_KEY`.
     *
     * @generated from field: string key_name = 2;
     */
    keyName: string;
    /**
     * Output only. A masked form, e.g. `sk-a…wxyz`.
     *
     * @generated from field: string masked_value = 3;
     */
    maskedValue: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 4;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 5;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.identity.v1.ApiKey.
 * Use `create(ApiKeySchema)` to create a new message.
 */
export declare const ApiKeySchema: GenMessage<ApiKey>;
/**
 * SetApiKeyRequest is the input of ApiKeyService.SetApiKey.
 *
 * @generated from message tessera.identity.v1.SetApiKeyRequest
 */
export type SetApiKeyRequest = Message<"tessera.identity.v1.SetApiKeyRequest"> & {
    /**
     * Required. See ApiKey.provider.
     *
     * @generated from field: string provider = 1;
     */
    provider: string;
    /**
     * Required. See ApiKey.key_name.
     *
     * @generated from field: string key_name = 2;
     */
    keyName: string;
    /**
     * Required. The secret value, 8 to 4096 bytes. Never returned.
     *
     * @generated from field: string value = 3;
     */
    value: string;
};
/**
 * Describes the message tessera.identity.v1.SetApiKeyRequest.
 * Use `create(SetApiKeyRequestSchema)` to create a new message.
 */
export declare const SetApiKeyRequestSchema: GenMessage<SetApiKeyRequest>;
/**
 * SetApiKeyResponse is the output of ApiKeyService.SetApiKey.
 *
 * @generated from message tessera.identity.v1.SetApiKeyResponse
 */
export type SetApiKeyResponse = Message<"tessera.identity.v1.SetApiKeyResponse"> & {
    /**
     * The stored key, masked.
     *
     * @generated from field: tessera.identity.v1.ApiKey api_key = 1;
     */
    apiKey?: ApiKey | undefined;
};
/**
 * Describes the message tessera.identity.v1.SetApiKeyResponse.
 * Use `create(SetApiKeyResponseSchema)` to create a new message.
 */
export declare const SetApiKeyResponseSchema: GenMessage<SetApiKeyResponse>;
/**
 * ListApiKeysRequest is the input of ApiKeyService.ListApiKeys.
 *
 * @generated from message tessera.identity.v1.ListApiKeysRequest
 */
export type ListApiKeysRequest = Message<"tessera.identity.v1.ListApiKeysRequest"> & {};
/**
 * Describes the message tessera.identity.v1.ListApiKeysRequest.
 * Use `create(ListApiKeysRequestSchema)` to create a new message.
 */
export declare const ListApiKeysRequestSchema: GenMessage<ListApiKeysRequest>;
/**
 * ListApiKeysResponse is the output of ApiKeyService.ListApiKeys.
 *
 * @generated from message tessera.identity.v1.ListApiKeysResponse
 */
export type ListApiKeysResponse = Message<"tessera.identity.v1.ListApiKeysResponse"> & {
    /**
     * The caller's keys, by provider.
     *
     * @generated from field: repeated tessera.identity.v1.ApiKey api_keys = 1;
     */
    apiKeys: ApiKey[];
};
/**
 * Describes the message tessera.identity.v1.ListApiKeysResponse.
 * Use `create(ListApiKeysResponseSchema)` to create a new message.
 */
export declare const ListApiKeysResponseSchema: GenMessage<ListApiKeysResponse>;
/**
 * DeleteApiKeyRequest is the input of ApiKeyService.DeleteApiKey.
 *
 * @generated from message tessera.identity.v1.DeleteApiKeyRequest
 */
export type DeleteApiKeyRequest = Message<"tessera.identity.v1.DeleteApiKeyRequest"> & {
    /**
     * Required. The provider whose key to delete.
     *
     * @generated from field: string provider = 1;
     */
    provider: string;
};
/**
 * Describes the message tessera.identity.v1.DeleteApiKeyRequest.
 * Use `create(DeleteApiKeyRequestSchema)` to create a new message.
 */
export declare const DeleteApiKeyRequestSchema: GenMessage<DeleteApiKeyRequest>;
/**
 * DeleteApiKeyResponse is the output of ApiKeyService.DeleteApiKey.
 *
 * @generated from message tessera.identity.v1.DeleteApiKeyResponse
 */
export type DeleteApiKeyResponse = Message<"tessera.identity.v1.DeleteApiKeyResponse"> & {};
/**
 * Describes the message tessera.identity.v1.DeleteApiKeyResponse.
 * Use `create(DeleteApiKeyResponseSchema)` to create a new message.
 */
export declare const DeleteApiKeyResponseSchema: GenMessage<DeleteApiKeyResponse>;
/**
 * ApiKeyService keeps the caller's own API keys for LLM providers (one per provider),
 * encrypted at rest. Values are write-only: listings show a masked hint. Requires a session
 * token.
 *
 * @generated from service tessera.identity.v1.ApiKeyService
 */
export declare const ApiKeyService: GenService<{
    /**
     * SetApiKey stores (or replaces) the caller's key for a provider.
     *
     * @generated from rpc tessera.identity.v1.ApiKeyService.SetApiKey
     */
    setApiKey: {
        methodKind: "unary";
        input: typeof SetApiKeyRequestSchema;
        output: typeof SetApiKeyResponseSchema;
    };
    /**
     * ListApiKeys lists the caller's keys, masked.
     *
     * @generated from rpc tessera.identity.v1.ApiKeyService.ListApiKeys
     */
    listApiKeys: {
        methodKind: "unary";
        input: typeof ListApiKeysRequestSchema;
        output: typeof ListApiKeysResponseSchema;
    };
    /**
     * DeleteApiKey removes the caller's key for a provider; deleting a missing key is not an error.
     *
     * @generated from rpc tessera.identity.v1.ApiKeyService.DeleteApiKey
     */
    deleteApiKey: {
        methodKind: "unary";
        input: typeof DeleteApiKeyRequestSchema;
        output: typeof DeleteApiKeyResponseSchema;
    };
}>;
