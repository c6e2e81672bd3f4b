import type { GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/env_vars.proto.
 */
export declare const file_tessera_intelligence_v1_env_vars: GenFile;
/**
 * EnvVar is one environment variable.
 *
 * @generated from message tessera.intelligence.v1.EnvVar
 */
export type EnvVar = Message<"tessera.intelligence.v1.EnvVar"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Required. `[A-Za-z_][A-Za-z0-9_]*`, at most 256 characters; unique in the project.
     *
     * @generated from field: string key = 2;
     */
    key: string;
    /**
     * The value (at most 64 KiB). In lists, a secret's value is "********".
     *
     * @generated from field: string value = 3;
     */
    value: string;
    /**
     * Whether the value is a secret (sealed at rest, masked in lists).
     *
     * @generated from field: bool is_secret = 4;
     */
    isSecret: boolean;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 5;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 6;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.EnvVar.
 * Use `create(EnvVarSchema)` to create a new message.
 */
export declare const EnvVarSchema: GenMessage<EnvVar>;
/**
 * SetEnvVarRequest is the input of EnvVarService.SetEnvVar.
 *
 * @generated from message tessera.intelligence.v1.SetEnvVarRequest
 */
export type SetEnvVarRequest = Message<"tessera.intelligence.v1.SetEnvVarRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: key and value; is_secret.
     *
     * @generated from field: tessera.intelligence.v1.EnvVar env_var = 2;
     */
    envVar?: EnvVar | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetEnvVarRequest.
 * Use `create(SetEnvVarRequestSchema)` to create a new message.
 */
export declare const SetEnvVarRequestSchema: GenMessage<SetEnvVarRequest>;
/**
 * SetEnvVarResponse is the output of EnvVarService.SetEnvVar.
 *
 * @generated from message tessera.intelligence.v1.SetEnvVarResponse
 */
export type SetEnvVarResponse = Message<"tessera.intelligence.v1.SetEnvVarResponse"> & {
    /**
     * The variable, its value masked when secret.
     *
     * @generated from field: tessera.intelligence.v1.EnvVar env_var = 1;
     */
    envVar?: EnvVar | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetEnvVarResponse.
 * Use `create(SetEnvVarResponseSchema)` to create a new message.
 */
export declare const SetEnvVarResponseSchema: GenMessage<SetEnvVarResponse>;
/**
 * ListEnvVarsRequest is the input of EnvVarService.ListEnvVars.
 *
 * @generated from message tessera.intelligence.v1.ListEnvVarsRequest
 */
export type ListEnvVarsRequest = Message<"tessera.intelligence.v1.ListEnvVarsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 2;
     */
    pageSize: number;
    /**
     * From a previous response.
     *
     * @generated from field: string page_token = 3;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListEnvVarsRequest.
 * Use `create(ListEnvVarsRequestSchema)` to create a new message.
 */
export declare const ListEnvVarsRequestSchema: GenMessage<ListEnvVarsRequest>;
/**
 * ListEnvVarsResponse is the output of EnvVarService.ListEnvVars.
 *
 * @generated from message tessera.intelligence.v1.ListEnvVarsResponse
 */
export type ListEnvVarsResponse = Message<"tessera.intelligence.v1.ListEnvVarsResponse"> & {
    /**
     * By key; secrets masked.
     *
     * @generated from field: repeated tessera.intelligence.v1.EnvVar env_vars = 1;
     */
    envVars: EnvVar[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListEnvVarsResponse.
 * Use `create(ListEnvVarsResponseSchema)` to create a new message.
 */
export declare const ListEnvVarsResponseSchema: GenMessage<ListEnvVarsResponse>;
/**
 * RevealEnvVarRequest is the input of EnvVarService.RevealEnvVar.
 *
 * @generated from message tessera.intelligence.v1.RevealEnvVarRequest
 */
export type RevealEnvVarRequest = Message<"tessera.intelligence.v1.RevealEnvVarRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string key = 2;
     */
    key: string;
};
/**
 * Describes the message tessera.intelligence.v1.RevealEnvVarRequest.
 * Use `create(RevealEnvVarRequestSchema)` to create a new message.
 */
export declare const RevealEnvVarRequestSchema: GenMessage<RevealEnvVarRequest>;
/**
 * RevealEnvVarResponse is the output of EnvVarService.RevealEnvVar.
 *
 * @generated from message tessera.intelligence.v1.RevealEnvVarResponse
 */
export type RevealEnvVarResponse = Message<"tessera.intelligence.v1.RevealEnvVarResponse"> & {
    /**
     * The variable with its value.
     *
     * @generated from field: tessera.intelligence.v1.EnvVar env_var = 1;
     */
    envVar?: EnvVar | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.RevealEnvVarResponse.
 * Use `create(RevealEnvVarResponseSchema)` to create a new message.
 */
export declare const RevealEnvVarResponseSchema: GenMessage<RevealEnvVarResponse>;
/**
 * DeleteEnvVarRequest is the input of EnvVarService.DeleteEnvVar.
 *
 * @generated from message tessera.intelligence.v1.DeleteEnvVarRequest
 */
export type DeleteEnvVarRequest = Message<"tessera.intelligence.v1.DeleteEnvVarRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string key = 2;
     */
    key: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteEnvVarRequest.
 * Use `create(DeleteEnvVarRequestSchema)` to create a new message.
 */
export declare const DeleteEnvVarRequestSchema: GenMessage<DeleteEnvVarRequest>;
/**
 * DeleteEnvVarResponse is the output of EnvVarService.DeleteEnvVar.
 *
 * @generated from message tessera.intelligence.v1.DeleteEnvVarResponse
 */
export type DeleteEnvVarResponse = Message<"tessera.intelligence.v1.DeleteEnvVarResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteEnvVarResponse.
 * Use `create(DeleteEnvVarResponseSchema)` to create a new message.
 */
export declare const DeleteEnvVarResponseSchema: GenMessage<DeleteEnvVarResponse>;
/**
 * ExportEnvVarsRequest is the input of EnvVarExportService.ExportEnvVars.
 *
 * @generated from message tessera.intelligence.v1.ExportEnvVarsRequest
 */
export type ExportEnvVarsRequest = Message<"tessera.intelligence.v1.ExportEnvVarsRequest"> & {
    /**
     * Required. The project's owner, for whom the service acts.
     *
     * @generated from field: string user_id = 1;
     */
    userId: string;
    /**
     * Required.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
};
/**
 * Describes the message tessera.intelligence.v1.ExportEnvVarsRequest.
 * Use `create(ExportEnvVarsRequestSchema)` to create a new message.
 */
export declare const ExportEnvVarsRequestSchema: GenMessage<ExportEnvVarsRequest>;
/**
 * ExportEnvVarsResponse is the output of EnvVarExportService.ExportEnvVars.
 *
 * @generated from message tessera.intelligence.v1.ExportEnvVarsResponse
 */
export type ExportEnvVarsResponse = Message<"tessera.intelligence.v1.ExportEnvVarsResponse"> & {
    /**
     * Every variable by key, with its value.
     *
     * @generated from field: repeated tessera.intelligence.v1.EnvVar env_vars = 1;
     */
    envVars: EnvVar[];
};
/**
 * Describes the message tessera.intelligence.v1.ExportEnvVarsResponse.
 * Use `create(ExportEnvVarsResponseSchema)` to create a new message.
 */
export declare const ExportEnvVarsResponseSchema: GenMessage<ExportEnvVarsResponse>;
/**
 * EnvVarService keeps a project's environment variables. Secret values are sealed at rest
 * (AES-256-GCM under TESSERA_KEY_RING, bound to the project and key) and write-only: lists
 * mask them; only RevealEnvVar (the owner) and EnvVarExportService (deployers) return them.
 *
 * @generated from service tessera.intelligence.v1.EnvVarService
 */
export declare const EnvVarService: GenService<{
    /**
     * SetEnvVar creates or replaces a variable by key.
     *
     * @generated from rpc tessera.intelligence.v1.EnvVarService.SetEnvVar
     */
    setEnvVar: {
        methodKind: "unary";
        input: typeof SetEnvVarRequestSchema;
        output: typeof SetEnvVarResponseSchema;
    };
    /**
     * ListEnvVars lists a project's variables by key; secret values are masked.
     *
     * @generated from rpc tessera.intelligence.v1.EnvVarService.ListEnvVars
     */
    listEnvVars: {
        methodKind: "unary";
        input: typeof ListEnvVarsRequestSchema;
        output: typeof ListEnvVarsResponseSchema;
    };
    /**
     * RevealEnvVar returns one variable with its value, secret or not.
     *
     * @generated from rpc tessera.intelligence.v1.EnvVarService.RevealEnvVar
     */
    revealEnvVar: {
        methodKind: "unary";
        input: typeof RevealEnvVarRequestSchema;
        output: typeof RevealEnvVarResponseSchema;
    };
    /**
     * DeleteEnvVar deletes a variable; deleting one that is gone succeeds.
     *
     * @generated from rpc tessera.intelligence.v1.EnvVarService.DeleteEnvVar
     */
    deleteEnvVar: {
        methodKind: "unary";
        input: typeof DeleteEnvVarRequestSchema;
        output: typeof DeleteEnvVarResponseSchema;
    };
}>;
/**
 * EnvVarExportService is internal: Tessera services holding a service credential (deployers)
 * read a project's variables in plaintext, for the user they name.
 *
 * @generated from service tessera.intelligence.v1.EnvVarExportService
 */
export declare const EnvVarExportService: GenService<{
    /**
     * ExportEnvVars returns every variable of a project with its value.
     *
     * @generated from rpc tessera.intelligence.v1.EnvVarExportService.ExportEnvVars
     */
    exportEnvVars: {
        methodKind: "unary";
        input: typeof ExportEnvVarsRequestSchema;
        output: typeof ExportEnvVarsResponseSchema;
    };
}>;
