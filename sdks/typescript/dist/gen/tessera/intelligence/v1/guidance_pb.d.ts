import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/guidance.proto.
 */
export declare const file_tessera_intelligence_v1_guidance: GenFile;
/**
 * NextStep is one suggestion of what to do next.
 *
 * @generated from message tessera.intelligence.v1.NextStep
 */
export type NextStep = Message<"tessera.intelligence.v1.NextStep"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * 1 to 200 characters.
     *
     * @generated from field: string title = 3;
     */
    title: string;
    /**
     * At most 10,000 characters; empty when none.
     *
     * @generated from field: string description = 4;
     */
    description: string;
    /**
     * Why it matters, at most 10,000 characters; empty when none.
     *
     * @generated from field: string rationale = 5;
     */
    rationale: string;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.NextStepCategory category = 6;
     */
    category: NextStepCategory;
    /**
     * 1 (high), 2 (medium, the default when 0 is sent) or 3 (low).
     *
     * @generated from field: int32 priority = 7;
     */
    priority: number;
    /**
     * Unspecified when not estimated.
     *
     * @generated from field: tessera.intelligence.v1.Effort effort = 8;
     */
    effort: Effort;
    /**
     * Output only.
     *
     * @generated from field: tessera.intelligence.v1.NextStepStatus status = 9;
     */
    status: NextStepStatus;
    /**
     * Output only. Votes that it helped.
     *
     * @generated from field: int32 helpful_count = 10;
     */
    helpfulCount: number;
    /**
     * Output only. Votes that it did not.
     *
     * @generated from field: int32 not_helpful_count = 11;
     */
    notHelpfulCount: number;
    /**
     * The model that wrote it, at most 200 characters; empty when none.
     *
     * @generated from field: string model = 12;
     */
    model: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp generate_time = 13;
     */
    generateTime?: Timestamp | undefined;
    /**
     * Output only. When it left pending; unset while pending.
     *
     * @generated from field: google.protobuf.Timestamp acted_on_time = 14;
     */
    actedOnTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.NextStep.
 * Use `create(NextStepSchema)` to create a new message.
 */
export declare const NextStepSchema: GenMessage<NextStep>;
/**
 * CreateNextStepRequest is the input of NextStepService.CreateNextStep.
 *
 * @generated from message tessera.intelligence.v1.CreateNextStepRequest
 */
export type CreateNextStepRequest = Message<"tessera.intelligence.v1.CreateNextStepRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: title, category; optional description, rationale, priority, effort, model.
     *
     * @generated from field: tessera.intelligence.v1.NextStep next_step = 2;
     */
    nextStep?: NextStep | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateNextStepRequest.
 * Use `create(CreateNextStepRequestSchema)` to create a new message.
 */
export declare const CreateNextStepRequestSchema: GenMessage<CreateNextStepRequest>;
/**
 * CreateNextStepResponse is the output of NextStepService.CreateNextStep.
 *
 * @generated from message tessera.intelligence.v1.CreateNextStepResponse
 */
export type CreateNextStepResponse = Message<"tessera.intelligence.v1.CreateNextStepResponse"> & {
    /**
     * The new suggestion.
     *
     * @generated from field: tessera.intelligence.v1.NextStep next_step = 1;
     */
    nextStep?: NextStep | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateNextStepResponse.
 * Use `create(CreateNextStepResponseSchema)` to create a new message.
 */
export declare const CreateNextStepResponseSchema: GenMessage<CreateNextStepResponse>;
/**
 * GetNextStepRequest is the input of NextStepService.GetNextStep.
 *
 * @generated from message tessera.intelligence.v1.GetNextStepRequest
 */
export type GetNextStepRequest = Message<"tessera.intelligence.v1.GetNextStepRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string next_step_id = 1;
     */
    nextStepId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetNextStepRequest.
 * Use `create(GetNextStepRequestSchema)` to create a new message.
 */
export declare const GetNextStepRequestSchema: GenMessage<GetNextStepRequest>;
/**
 * GetNextStepResponse is the output of NextStepService.GetNextStep.
 *
 * @generated from message tessera.intelligence.v1.GetNextStepResponse
 */
export type GetNextStepResponse = Message<"tessera.intelligence.v1.GetNextStepResponse"> & {
    /**
     * The suggestion.
     *
     * @generated from field: tessera.intelligence.v1.NextStep next_step = 1;
     */
    nextStep?: NextStep | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetNextStepResponse.
 * Use `create(GetNextStepResponseSchema)` to create a new message.
 */
export declare const GetNextStepResponseSchema: GenMessage<GetNextStepResponse>;
/**
 * ListNextStepsRequest is the input of NextStepService.ListNextSteps.
 *
 * @generated from message tessera.intelligence.v1.ListNextStepsRequest
 */
export type ListNextStepsRequest = Message<"tessera.intelligence.v1.ListNextStepsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only suggestions in this status (unspecified: all).
     *
     * @generated from field: tessera.intelligence.v1.NextStepStatus status = 2;
     */
    status: NextStepStatus;
    /**
     * Default 50, at most 1000 (larger values are clamped).
     *
     * @generated from field: int32 page_size = 3;
     */
    pageSize: number;
    /**
     * From a previous response (with the same filter).
     *
     * @generated from field: string page_token = 4;
     */
    pageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListNextStepsRequest.
 * Use `create(ListNextStepsRequestSchema)` to create a new message.
 */
export declare const ListNextStepsRequestSchema: GenMessage<ListNextStepsRequest>;
/**
 * ListNextStepsResponse is the output of NextStepService.ListNextSteps.
 *
 * @generated from message tessera.intelligence.v1.ListNextStepsResponse
 */
export type ListNextStepsResponse = Message<"tessera.intelligence.v1.ListNextStepsResponse"> & {
    /**
     * Priority 1 first; within a priority, newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.NextStep next_steps = 1;
     */
    nextSteps: NextStep[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListNextStepsResponse.
 * Use `create(ListNextStepsResponseSchema)` to create a new message.
 */
export declare const ListNextStepsResponseSchema: GenMessage<ListNextStepsResponse>;
/**
 * SetNextStepStatusRequest is the input of NextStepService.SetNextStepStatus.
 *
 * @generated from message tessera.intelligence.v1.SetNextStepStatusRequest
 */
export type SetNextStepStatusRequest = Message<"tessera.intelligence.v1.SetNextStepStatusRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string next_step_id = 1;
     */
    nextStepId: string;
    /**
     * Required: started, completed or dismissed.
     *
     * @generated from field: tessera.intelligence.v1.NextStepStatus status = 2;
     */
    status: NextStepStatus;
};
/**
 * Describes the message tessera.intelligence.v1.SetNextStepStatusRequest.
 * Use `create(SetNextStepStatusRequestSchema)` to create a new message.
 */
export declare const SetNextStepStatusRequestSchema: GenMessage<SetNextStepStatusRequest>;
/**
 * SetNextStepStatusResponse is the output of NextStepService.SetNextStepStatus.
 *
 * @generated from message tessera.intelligence.v1.SetNextStepStatusResponse
 */
export type SetNextStepStatusResponse = Message<"tessera.intelligence.v1.SetNextStepStatusResponse"> & {
    /**
     * The suggestion after the move.
     *
     * @generated from field: tessera.intelligence.v1.NextStep next_step = 1;
     */
    nextStep?: NextStep | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SetNextStepStatusResponse.
 * Use `create(SetNextStepStatusResponseSchema)` to create a new message.
 */
export declare const SetNextStepStatusResponseSchema: GenMessage<SetNextStepStatusResponse>;
/**
 * RateNextStepRequest is the input of NextStepService.RateNextStep.
 *
 * @generated from message tessera.intelligence.v1.RateNextStepRequest
 */
export type RateNextStepRequest = Message<"tessera.intelligence.v1.RateNextStepRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string next_step_id = 1;
     */
    nextStepId: string;
    /**
     * True adds one to helpful_count, false to not_helpful_count.
     *
     * @generated from field: bool helpful = 2;
     */
    helpful: boolean;
};
/**
 * Describes the message tessera.intelligence.v1.RateNextStepRequest.
 * Use `create(RateNextStepRequestSchema)` to create a new message.
 */
export declare const RateNextStepRequestSchema: GenMessage<RateNextStepRequest>;
/**
 * RateNextStepResponse is the output of NextStepService.RateNextStep.
 *
 * @generated from message tessera.intelligence.v1.RateNextStepResponse
 */
export type RateNextStepResponse = Message<"tessera.intelligence.v1.RateNextStepResponse"> & {
    /**
     * The suggestion with its new counts.
     *
     * @generated from field: tessera.intelligence.v1.NextStep next_step = 1;
     */
    nextStep?: NextStep | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.RateNextStepResponse.
 * Use `create(RateNextStepResponseSchema)` to create a new message.
 */
export declare const RateNextStepResponseSchema: GenMessage<RateNextStepResponse>;
/**
 * Decision is one decision taken in a project.
 *
 * @generated from message tessera.intelligence.v1.Decision
 */
export type Decision = Message<"tessera.intelligence.v1.Decision"> & {
    /**
     * Output only. UUIDv7.
     *
     * @generated from field: string id = 1;
     */
    id: string;
    /**
     * Output only.
     *
     * @generated from field: string project_id = 2;
     */
    projectId: string;
    /**
     * The conversation it came from, in the same project; empty when none (or deleted since).
     *
     * @generated from field: string conversation_id = 3;
     */
    conversationId: string;
    /**
     * Required, at most 2,000 bytes of UTF-8; unique within the project.
     *
     * @generated from field: string decision = 4;
     */
    decision: string;
    /**
     * At most 10,000 characters; empty when none.
     *
     * @generated from field: string rationale = 5;
     */
    rationale: string;
    /**
     * Unspecified when not categorised.
     *
     * @generated from field: tessera.intelligence.v1.DecisionCategory category = 6;
     */
    category: DecisionCategory;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp decide_time = 7;
     */
    decideTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Decision.
 * Use `create(DecisionSchema)` to create a new message.
 */
export declare const DecisionSchema: GenMessage<Decision>;
/**
 * CreateDecisionRequest is the input of DecisionService.CreateDecision.
 *
 * @generated from message tessera.intelligence.v1.CreateDecisionRequest
 */
export type CreateDecisionRequest = Message<"tessera.intelligence.v1.CreateDecisionRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: decision; optional conversation_id, rationale, category.
     *
     * @generated from field: tessera.intelligence.v1.Decision decision = 2;
     */
    decision?: Decision | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateDecisionRequest.
 * Use `create(CreateDecisionRequestSchema)` to create a new message.
 */
export declare const CreateDecisionRequestSchema: GenMessage<CreateDecisionRequest>;
/**
 * CreateDecisionResponse is the output of DecisionService.CreateDecision.
 *
 * @generated from message tessera.intelligence.v1.CreateDecisionResponse
 */
export type CreateDecisionResponse = Message<"tessera.intelligence.v1.CreateDecisionResponse"> & {
    /**
     * The new decision.
     *
     * @generated from field: tessera.intelligence.v1.Decision decision = 1;
     */
    decision?: Decision | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateDecisionResponse.
 * Use `create(CreateDecisionResponseSchema)` to create a new message.
 */
export declare const CreateDecisionResponseSchema: GenMessage<CreateDecisionResponse>;
/**
 * GetDecisionRequest is the input of DecisionService.GetDecision.
 *
 * @generated from message tessera.intelligence.v1.GetDecisionRequest
 */
export type GetDecisionRequest = Message<"tessera.intelligence.v1.GetDecisionRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string decision_id = 1;
     */
    decisionId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetDecisionRequest.
 * Use `create(GetDecisionRequestSchema)` to create a new message.
 */
export declare const GetDecisionRequestSchema: GenMessage<GetDecisionRequest>;
/**
 * GetDecisionResponse is the output of DecisionService.GetDecision.
 *
 * @generated from message tessera.intelligence.v1.GetDecisionResponse
 */
export type GetDecisionResponse = Message<"tessera.intelligence.v1.GetDecisionResponse"> & {
    /**
     * The decision.
     *
     * @generated from field: tessera.intelligence.v1.Decision decision = 1;
     */
    decision?: Decision | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetDecisionResponse.
 * Use `create(GetDecisionResponseSchema)` to create a new message.
 */
export declare const GetDecisionResponseSchema: GenMessage<GetDecisionResponse>;
/**
 * ListDecisionsRequest is the input of DecisionService.ListDecisions.
 *
 * @generated from message tessera.intelligence.v1.ListDecisionsRequest
 */
export type ListDecisionsRequest = Message<"tessera.intelligence.v1.ListDecisionsRequest"> & {
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
 * Describes the message tessera.intelligence.v1.ListDecisionsRequest.
 * Use `create(ListDecisionsRequestSchema)` to create a new message.
 */
export declare const ListDecisionsRequestSchema: GenMessage<ListDecisionsRequest>;
/**
 * ListDecisionsResponse is the output of DecisionService.ListDecisions.
 *
 * @generated from message tessera.intelligence.v1.ListDecisionsResponse
 */
export type ListDecisionsResponse = Message<"tessera.intelligence.v1.ListDecisionsResponse"> & {
    /**
     * Most recent first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Decision decisions = 1;
     */
    decisions: Decision[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDecisionsResponse.
 * Use `create(ListDecisionsResponseSchema)` to create a new message.
 */
export declare const ListDecisionsResponseSchema: GenMessage<ListDecisionsResponse>;
/**
 * DeleteDecisionRequest is the input of DecisionService.DeleteDecision.
 *
 * @generated from message tessera.intelligence.v1.DeleteDecisionRequest
 */
export type DeleteDecisionRequest = Message<"tessera.intelligence.v1.DeleteDecisionRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string decision_id = 1;
     */
    decisionId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteDecisionRequest.
 * Use `create(DeleteDecisionRequestSchema)` to create a new message.
 */
export declare const DeleteDecisionRequestSchema: GenMessage<DeleteDecisionRequest>;
/**
 * DeleteDecisionResponse is the output of DecisionService.DeleteDecision.
 *
 * @generated from message tessera.intelligence.v1.DeleteDecisionResponse
 */
export type DeleteDecisionResponse = Message<"tessera.intelligence.v1.DeleteDecisionResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteDecisionResponse.
 * Use `create(DeleteDecisionResponseSchema)` to create a new message.
 */
export declare const DeleteDecisionResponseSchema: GenMessage<DeleteDecisionResponse>;
/**
 * NextStepCategory is what kind of step a suggestion is.
 *
 * @generated from enum tessera.intelligence.v1.NextStepCategory
 */
export declare enum NextStepCategory {
    /**
     * Not set: invalid where required.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Build a feature.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_FEATURE = 1;
     */
    FEATURE = 1,
    /**
     * Validate an assumption.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_VALIDATION = 2;
     */
    VALIDATION = 2,
    /**
     * Launch work.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_LAUNCH = 3;
     */
    LAUNCH = 3,
    /**
     * Technical work.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_TECHNICAL = 4;
     */
    TECHNICAL = 4,
    /**
     * Learn from users.
     *
     * @generated from enum value: NEXT_STEP_CATEGORY_USER_RESEARCH = 5;
     */
    USER_RESEARCH = 5
}
/**
 * Describes the enum tessera.intelligence.v1.NextStepCategory.
 */
export declare const NextStepCategorySchema: GenEnum<NextStepCategory>;
/**
 * NextStepStatus is where a suggestion stands.
 *
 * @generated from enum tessera.intelligence.v1.NextStepStatus
 */
export declare enum NextStepStatus {
    /**
     * Not set: as a filter, any status.
     *
     * @generated from enum value: NEXT_STEP_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Not acted on yet.
     *
     * @generated from enum value: NEXT_STEP_STATUS_PENDING = 1;
     */
    PENDING = 1,
    /**
     * Being worked on.
     *
     * @generated from enum value: NEXT_STEP_STATUS_STARTED = 2;
     */
    STARTED = 2,
    /**
     * Done.
     *
     * @generated from enum value: NEXT_STEP_STATUS_COMPLETED = 3;
     */
    COMPLETED = 3,
    /**
     * Put aside.
     *
     * @generated from enum value: NEXT_STEP_STATUS_DISMISSED = 4;
     */
    DISMISSED = 4
}
/**
 * Describes the enum tessera.intelligence.v1.NextStepStatus.
 */
export declare const NextStepStatusSchema: GenEnum<NextStepStatus>;
/**
 * Effort is a rough size of the work.
 *
 * @generated from enum tessera.intelligence.v1.Effort
 */
export declare enum Effort {
    /**
     * Not estimated.
     *
     * @generated from enum value: EFFORT_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Hours.
     *
     * @generated from enum value: EFFORT_SMALL = 1;
     */
    SMALL = 1,
    /**
     * Days.
     *
     * @generated from enum value: EFFORT_MEDIUM = 2;
     */
    MEDIUM = 2,
    /**
     * Weeks.
     *
     * @generated from enum value: EFFORT_LARGE = 3;
     */
    LARGE = 3
}
/**
 * Describes the enum tessera.intelligence.v1.Effort.
 */
export declare const EffortSchema: GenEnum<Effort>;
/**
 * DecisionCategory is what a decision is about.
 *
 * @generated from enum tessera.intelligence.v1.DecisionCategory
 */
export declare enum DecisionCategory {
    /**
     * Not categorised.
     *
     * @generated from enum value: DECISION_CATEGORY_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * System structure.
     *
     * @generated from enum value: DECISION_CATEGORY_ARCHITECTURE = 1;
     */
    ARCHITECTURE = 1,
    /**
     * What is in and out.
     *
     * @generated from enum value: DECISION_CATEGORY_SCOPE = 2;
     */
    SCOPE = 2,
    /**
     * A technology chosen.
     *
     * @generated from enum value: DECISION_CATEGORY_TECH_CHOICE = 3;
     */
    TECH_CHOICE = 3,
    /**
     * How to go about it.
     *
     * @generated from enum value: DECISION_CATEGORY_APPROACH = 4;
     */
    APPROACH = 4,
    /**
     * How the work is done.
     *
     * @generated from enum value: DECISION_CATEGORY_PROCESS = 5;
     */
    PROCESS = 5,
    /**
     * What the product does.
     *
     * @generated from enum value: DECISION_CATEGORY_PRODUCT = 6;
     */
    PRODUCT = 6
}
/**
 * Describes the enum tessera.intelligence.v1.DecisionCategory.
 */
export declare const DecisionCategorySchema: GenEnum<DecisionCategory>;
/**
 * NextStepService holds a project's product guidance: suggestions of what to do next, written
 * by the owner's client (which may have an LLM generate them), moved through their statuses
 * and rated. Only the project's owner sees them.
 *
 * @generated from service tessera.intelligence.v1.NextStepService
 */
export declare const NextStepService: GenService<{
    /**
     * CreateNextStep adds a suggestion to a project (status pending).
     *
     * @generated from rpc tessera.intelligence.v1.NextStepService.CreateNextStep
     */
    createNextStep: {
        methodKind: "unary";
        input: typeof CreateNextStepRequestSchema;
        output: typeof CreateNextStepResponseSchema;
    };
    /**
     * GetNextStep returns a suggestion.
     *
     * @generated from rpc tessera.intelligence.v1.NextStepService.GetNextStep
     */
    getNextStep: {
        methodKind: "unary";
        input: typeof GetNextStepRequestSchema;
        output: typeof GetNextStepResponseSchema;
    };
    /**
     * ListNextSteps lists a project's suggestions, highest priority first, then newest.
     *
     * @generated from rpc tessera.intelligence.v1.NextStepService.ListNextSteps
     */
    listNextSteps: {
        methodKind: "unary";
        input: typeof ListNextStepsRequestSchema;
        output: typeof ListNextStepsResponseSchema;
    };
    /**
     * SetNextStepStatus moves a suggestion: pending -> started -> completed, or any status but
     * dismissed -> dismissed. Other moves are FAILED_PRECONDITION (reason INVALID_TRANSITION).
     *
     * @generated from rpc tessera.intelligence.v1.NextStepService.SetNextStepStatus
     */
    setNextStepStatus: {
        methodKind: "unary";
        input: typeof SetNextStepStatusRequestSchema;
        output: typeof SetNextStepStatusResponseSchema;
    };
    /**
     * RateNextStep records one "helpful" or "not helpful" vote (each call adds exactly one).
     *
     * @generated from rpc tessera.intelligence.v1.NextStepService.RateNextStep
     */
    rateNextStep: {
        methodKind: "unary";
        input: typeof RateNextStepRequestSchema;
        output: typeof RateNextStepResponseSchema;
    };
}>;
/**
 * DecisionService holds the decisions taken in a project (extracted from its conversations).
 * A project states each decision once: a duplicate is ALREADY_EXISTS.
 *
 * @generated from service tessera.intelligence.v1.DecisionService
 */
export declare const DecisionService: GenService<{
    /**
     * CreateDecision records a decision, optionally naming the conversation it came from.
     *
     * @generated from rpc tessera.intelligence.v1.DecisionService.CreateDecision
     */
    createDecision: {
        methodKind: "unary";
        input: typeof CreateDecisionRequestSchema;
        output: typeof CreateDecisionResponseSchema;
    };
    /**
     * GetDecision returns a decision.
     *
     * @generated from rpc tessera.intelligence.v1.DecisionService.GetDecision
     */
    getDecision: {
        methodKind: "unary";
        input: typeof GetDecisionRequestSchema;
        output: typeof GetDecisionResponseSchema;
    };
    /**
     * ListDecisions lists a project's decisions, most recent first.
     *
     * @generated from rpc tessera.intelligence.v1.DecisionService.ListDecisions
     */
    listDecisions: {
        methodKind: "unary";
        input: typeof ListDecisionsRequestSchema;
        output: typeof ListDecisionsResponseSchema;
    };
    /**
     * DeleteDecision deletes a decision (and its links to the knowledge graph).
     *
     * @generated from rpc tessera.intelligence.v1.DecisionService.DeleteDecision
     */
    deleteDecision: {
        methodKind: "unary";
        input: typeof DeleteDecisionRequestSchema;
        output: typeof DeleteDecisionResponseSchema;
    };
}>;
