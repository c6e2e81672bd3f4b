import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { FieldMask, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Actor } from "./activity_pb.js";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/projects.proto.
 */
export declare const file_tessera_intelligence_v1_projects: GenFile;
/**
 * Project is a top-level container for workspaces and snapshots.
 *
 * @generated from message tessera.intelligence.v1.Project
 */
export type Project = Message<"tessera.intelligence.v1.Project"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only. The owner.
     *
     * @generated from field: string owner_user_id = 2;
     */
    ownerUserId: string;
    /**
     * Required. 1 to 200 characters.
     *
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * What the project is for; unspecified when not set.
     *
     * @generated from field: tessera.intelligence.v1.Intent intent = 4;
     */
    intent: Intent;
    /**
     * The project brief: a JSON object of at most 64 KiB; absent when not set.
     *
     * @generated from field: google.protobuf.Struct brief = 5;
     */
    brief?: JsonObject | undefined;
    /**
     * Output only. The most recently pushed snapshot, empty before the first.
     *
     * @generated from field: string last_snapshot_id = 6;
     */
    lastSnapshotId: string;
    /**
     * The workspace drift is compared against by default; empty when not set.
     *
     * @generated from field: string main_workspace_id = 7;
     */
    mainWorkspaceId: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 8;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 9;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Project.
 * Use `create(ProjectSchema)` to create a new message.
 */
export declare const ProjectSchema: GenMessage<Project>;
/**
 * CreateProjectRequest is the input of ProjectService.CreateProject.
 *
 * @generated from message tessera.intelligence.v1.CreateProjectRequest
 */
export type CreateProjectRequest = Message<"tessera.intelligence.v1.CreateProjectRequest"> & {
    /**
     * Required: name; optional: intent, brief. Other fields are ignored.
     *
     * @generated from field: tessera.intelligence.v1.Project project = 1;
     */
    project?: Project | undefined;
    /**
     * Who asks, for the activity log: ACTOR_CLI or ACTOR_WEB (the default).
     *
     * @generated from field: tessera.intelligence.v1.Actor actor = 2;
     */
    actor: Actor;
};
/**
 * Describes the message tessera.intelligence.v1.CreateProjectRequest.
 * Use `create(CreateProjectRequestSchema)` to create a new message.
 */
export declare const CreateProjectRequestSchema: GenMessage<CreateProjectRequest>;
/**
 * CreateProjectResponse is the output of ProjectService.CreateProject.
 *
 * @generated from message tessera.intelligence.v1.CreateProjectResponse
 */
export type CreateProjectResponse = Message<"tessera.intelligence.v1.CreateProjectResponse"> & {
    /**
     * The new project.
     *
     * @generated from field: tessera.intelligence.v1.Project project = 1;
     */
    project?: Project | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateProjectResponse.
 * Use `create(CreateProjectResponseSchema)` to create a new message.
 */
export declare const CreateProjectResponseSchema: GenMessage<CreateProjectResponse>;
/**
 * GetProjectRequest is the input of ProjectService.GetProject.
 *
 * @generated from message tessera.intelligence.v1.GetProjectRequest
 */
export type GetProjectRequest = Message<"tessera.intelligence.v1.GetProjectRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetProjectRequest.
 * Use `create(GetProjectRequestSchema)` to create a new message.
 */
export declare const GetProjectRequestSchema: GenMessage<GetProjectRequest>;
/**
 * GetProjectResponse is the output of ProjectService.GetProject.
 *
 * @generated from message tessera.intelligence.v1.GetProjectResponse
 */
export type GetProjectResponse = Message<"tessera.intelligence.v1.GetProjectResponse"> & {
    /**
     * The project.
     *
     * @generated from field: tessera.intelligence.v1.Project project = 1;
     */
    project?: Project | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetProjectResponse.
 * Use `create(GetProjectResponseSchema)` to create a new message.
 */
export declare const GetProjectResponseSchema: GenMessage<GetProjectResponse>;
/**
 * ListProjectsRequest is the input of ProjectService.ListProjects.
 *
 * @generated from message tessera.intelligence.v1.ListProjectsRequest
 */
export type ListProjectsRequest = Message<"tessera.intelligence.v1.ListProjectsRequest"> & {
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 1;
     */
    pageSize: number;
    /**
     * From a previous response.
     *
     * @generated from field: string page_token = 2;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListProjectsRequest.
 * Use `create(ListProjectsRequestSchema)` to create a new message.
 */
export declare const ListProjectsRequestSchema: GenMessage<ListProjectsRequest>;
/**
 * ListProjectsResponse is the output of ProjectService.ListProjects.
 *
 * @generated from message tessera.intelligence.v1.ListProjectsResponse
 */
export type ListProjectsResponse = Message<"tessera.intelligence.v1.ListProjectsResponse"> & {
    /**
     * The caller's projects.
     *
     * @generated from field: repeated tessera.intelligence.v1.Project projects = 1;
     */
    projects: Project[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListProjectsResponse.
 * Use `create(ListProjectsResponseSchema)` to create a new message.
 */
export declare const ListProjectsResponseSchema: GenMessage<ListProjectsResponse>;
/**
 * UpdateProjectRequest is the input of ProjectService.UpdateProject.
 *
 * @generated from message tessera.intelligence.v1.UpdateProjectRequest
 */
export type UpdateProjectRequest = Message<"tessera.intelligence.v1.UpdateProjectRequest"> & {
    /**
     * Required: id and the fields named in `update_mask`.
     *
     * @generated from field: tessera.intelligence.v1.Project project = 1;
     */
    project?: Project | undefined;
    /**
     * Required. Any of name, intent, brief, main_workspace_id.
     *
     * @generated from field: google.protobuf.FieldMask update_mask = 2;
     */
    updateMask?: FieldMask | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateProjectRequest.
 * Use `create(UpdateProjectRequestSchema)` to create a new message.
 */
export declare const UpdateProjectRequestSchema: GenMessage<UpdateProjectRequest>;
/**
 * UpdateProjectResponse is the output of ProjectService.UpdateProject.
 *
 * @generated from message tessera.intelligence.v1.UpdateProjectResponse
 */
export type UpdateProjectResponse = Message<"tessera.intelligence.v1.UpdateProjectResponse"> & {
    /**
     * The project as stored.
     *
     * @generated from field: tessera.intelligence.v1.Project project = 1;
     */
    project?: Project | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpdateProjectResponse.
 * Use `create(UpdateProjectResponseSchema)` to create a new message.
 */
export declare const UpdateProjectResponseSchema: GenMessage<UpdateProjectResponse>;
/**
 * DeleteProjectRequest is the input of ProjectService.DeleteProject.
 *
 * @generated from message tessera.intelligence.v1.DeleteProjectRequest
 */
export type DeleteProjectRequest = Message<"tessera.intelligence.v1.DeleteProjectRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteProjectRequest.
 * Use `create(DeleteProjectRequestSchema)` to create a new message.
 */
export declare const DeleteProjectRequestSchema: GenMessage<DeleteProjectRequest>;
/**
 * DeleteProjectResponse is the output of ProjectService.DeleteProject.
 *
 * @generated from message tessera.intelligence.v1.DeleteProjectResponse
 */
export type DeleteProjectResponse = Message<"tessera.intelligence.v1.DeleteProjectResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteProjectResponse.
 * Use `create(DeleteProjectResponseSchema)` to create a new message.
 */
export declare const DeleteProjectResponseSchema: GenMessage<DeleteProjectResponse>;
/**
 * Intent says what a project is for.
 *
 * @generated from enum tessera.intelligence.v1.Intent
 */
export declare enum Intent {
    /**
     * Not set.
     *
     * @generated from enum value: INTENT_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A company in the making.
     *
     * @generated from enum value: INTENT_STARTUP = 1;
     */
    STARTUP = 1,
    /**
     * A tool for oneself.
     *
     * @generated from enum value: INTENT_PERSONAL_TOOL = 2;
     */
    PERSONAL_TOOL = 2,
    /**
     * Learning something.
     *
     * @generated from enum value: INTENT_LEARNING = 3;
     */
    LEARNING = 3,
    /**
     * For fun.
     *
     * @generated from enum value: INTENT_FUN = 4;
     */
    FUN = 4,
    /**
     * To show.
     *
     * @generated from enum value: INTENT_PORTFOLIO = 5;
     */
    PORTFOLIO = 5,
    /**
     * Creative work.
     *
     * @generated from enum value: INTENT_CREATIVE = 6;
     */
    CREATIVE = 6,
    /**
     * Trying things out.
     *
     * @generated from enum value: INTENT_EXPLORATION = 7;
     */
    EXPLORATION = 7,
    /**
     * Open source.
     *
     * @generated from enum value: INTENT_OPEN_SOURCE = 8;
     */
    OPEN_SOURCE = 8
}
/**
 * Describes the enum tessera.intelligence.v1.Intent.
 */
export declare const IntentSchema: GenEnum<Intent>;
/**
 * ProjectService holds a user's projects. Callers are users (session token) and see only
 * their own projects: any other project id is NOT_FOUND, as is everything under it.
 *
 * @generated from service tessera.intelligence.v1.ProjectService
 */
export declare const ProjectService: GenService<{
    /**
     * CreateProject creates a project owned by the caller (activity `project.created`).
     *
     * @generated from rpc tessera.intelligence.v1.ProjectService.CreateProject
     */
    createProject: {
        methodKind: "unary";
        input: typeof CreateProjectRequestSchema;
        output: typeof CreateProjectResponseSchema;
    };
    /**
     * GetProject returns one of the caller's projects.
     *
     * @generated from rpc tessera.intelligence.v1.ProjectService.GetProject
     */
    getProject: {
        methodKind: "unary";
        input: typeof GetProjectRequestSchema;
        output: typeof GetProjectResponseSchema;
    };
    /**
     * ListProjects lists the caller's projects, most recently updated first.
     *
     * @generated from rpc tessera.intelligence.v1.ProjectService.ListProjects
     */
    listProjects: {
        methodKind: "unary";
        input: typeof ListProjectsRequestSchema;
        output: typeof ListProjectsResponseSchema;
    };
    /**
     * UpdateProject changes the fields named in `update_mask`: name, intent, brief,
     * main_workspace_id (a workspace of this project, or empty to clear it).
     *
     * @generated from rpc tessera.intelligence.v1.ProjectService.UpdateProject
     */
    updateProject: {
        methodKind: "unary";
        input: typeof UpdateProjectRequestSchema;
        output: typeof UpdateProjectResponseSchema;
    };
    /**
     * DeleteProject deletes a project and everything under it (env vars, workspaces,
     * snapshots, drift reports, previews, activity, conversations) in one transaction.
     * Blobs and manifests in vault-storage stay until its collection finds them unused.
     *
     * @generated from rpc tessera.intelligence.v1.ProjectService.DeleteProject
     */
    deleteProject: {
        methodKind: "unary";
        input: typeof DeleteProjectRequestSchema;
        output: typeof DeleteProjectResponseSchema;
    };
}>;
