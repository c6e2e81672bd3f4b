import type { GenEnum, GenFile, GenMessage, GenService } from "@bufbuild/protobuf/codegenv2";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file tessera/intelligence/v1/atlas.proto.
 */
export declare const file_tessera_intelligence_v1_atlas: GenFile;
/**
 * Concept is a node of the knowledge graph.
 *
 * @generated from message tessera.intelligence.v1.Concept
 */
export type Concept = Message<"tessera.intelligence.v1.Concept"> & {
    /**
     * `<layer>:<name or path>` (e.g. module:src/api), unique within the project; immutable.
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
     * Required, 1 to 4,096 characters.
     *
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * Output only: from the id's prefix.
     *
     * @generated from field: tessera.intelligence.v1.ConceptLayer layer = 4;
     */
    layer: ConceptLayer;
    /**
     * An optional subtype, at most 100 characters.
     *
     * @generated from field: string type = 5;
     */
    type: string;
    /**
     * At most 10,000 characters.
     *
     * @generated from field: string description = 6;
     */
    description: string;
    /**
     * Output only. The snapshot it was derived from; empty when written by a client.
     *
     * @generated from field: string source_snapshot_id = 7;
     */
    sourceSnapshotId: string;
    /**
     * Output only. That snapshot's manifest hash.
     *
     * @generated from field: bytes source_manifest_hash = 8;
     */
    sourceManifestHash: Uint8Array;
    /**
     * A JSON object of at most 64 KiB; unset when none.
     *
     * @generated from field: google.protobuf.Struct metadata = 9;
     */
    metadata?: JsonObject | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 10;
     */
    createTime?: Timestamp | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp update_time = 11;
     */
    updateTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Concept.
 * Use `create(ConceptSchema)` to create a new message.
 */
export declare const ConceptSchema: GenMessage<Concept>;
/**
 * Edge is a typed, directed relation between two concepts of a project.
 *
 * @generated from message tessera.intelligence.v1.Edge
 */
export type Edge = Message<"tessera.intelligence.v1.Edge"> & {
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
     * Required.
     *
     * @generated from field: string from_concept_id = 3;
     */
    fromConceptId: string;
    /**
     * Required, another concept.
     *
     * @generated from field: string to_concept_id = 4;
     */
    toConceptId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.EdgeType type = 5;
     */
    type: EdgeType;
    /**
     * Optional strength.
     *
     * @generated from field: optional int32 weight = 6;
     */
    weight?: number | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 7;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Edge.
 * Use `create(EdgeSchema)` to create a new message.
 */
export declare const EdgeSchema: GenMessage<Edge>;
/**
 * BuildFromSnapshotRequest is the input of AtlasService.BuildFromSnapshot.
 *
 * @generated from message tessera.intelligence.v1.BuildFromSnapshotRequest
 */
export type BuildFromSnapshotRequest = Message<"tessera.intelligence.v1.BuildFromSnapshotRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: a snapshot of the project.
     *
     * @generated from field: string snapshot_id = 2;
     */
    snapshotId: string;
};
/**
 * Describes the message tessera.intelligence.v1.BuildFromSnapshotRequest.
 * Use `create(BuildFromSnapshotRequestSchema)` to create a new message.
 */
export declare const BuildFromSnapshotRequestSchema: GenMessage<BuildFromSnapshotRequest>;
/**
 * BuildFromSnapshotResponse is the output of AtlasService.BuildFromSnapshot.
 *
 * @generated from message tessera.intelligence.v1.BuildFromSnapshotResponse
 */
export type BuildFromSnapshotResponse = Message<"tessera.intelligence.v1.BuildFromSnapshotResponse"> & {
    /**
     * Derived concepts now in the graph (modules and code files).
     *
     * @generated from field: int32 concepts = 1;
     */
    concepts: number;
    /**
     * Concepts this build created.
     *
     * @generated from field: int32 created = 2;
     */
    created: number;
    /**
     * Derived concepts this build removed (no longer in the tree).
     *
     * @generated from field: int32 removed = 3;
     */
    removed: number;
    /**
     * `contains` edges this build created.
     *
     * @generated from field: int32 edges_created = 4;
     */
    edgesCreated: number;
};
/**
 * Describes the message tessera.intelligence.v1.BuildFromSnapshotResponse.
 * Use `create(BuildFromSnapshotResponseSchema)` to create a new message.
 */
export declare const BuildFromSnapshotResponseSchema: GenMessage<BuildFromSnapshotResponse>;
/**
 * UpsertConceptRequest is the input of AtlasService.UpsertConcept.
 *
 * @generated from message tessera.intelligence.v1.UpsertConceptRequest
 */
export type UpsertConceptRequest = Message<"tessera.intelligence.v1.UpsertConceptRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: id and name; optional type, description, metadata.
     *
     * @generated from field: tessera.intelligence.v1.Concept concept = 2;
     */
    concept?: Concept | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpsertConceptRequest.
 * Use `create(UpsertConceptRequestSchema)` to create a new message.
 */
export declare const UpsertConceptRequestSchema: GenMessage<UpsertConceptRequest>;
/**
 * UpsertConceptResponse is the output of AtlasService.UpsertConcept.
 *
 * @generated from message tessera.intelligence.v1.UpsertConceptResponse
 */
export type UpsertConceptResponse = Message<"tessera.intelligence.v1.UpsertConceptResponse"> & {
    /**
     * The concept as stored.
     *
     * @generated from field: tessera.intelligence.v1.Concept concept = 1;
     */
    concept?: Concept | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.UpsertConceptResponse.
 * Use `create(UpsertConceptResponseSchema)` to create a new message.
 */
export declare const UpsertConceptResponseSchema: GenMessage<UpsertConceptResponse>;
/**
 * GetConceptRequest is the input of AtlasService.GetConcept.
 *
 * @generated from message tessera.intelligence.v1.GetConceptRequest
 */
export type GetConceptRequest = Message<"tessera.intelligence.v1.GetConceptRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string concept_id = 2;
     */
    conceptId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetConceptRequest.
 * Use `create(GetConceptRequestSchema)` to create a new message.
 */
export declare const GetConceptRequestSchema: GenMessage<GetConceptRequest>;
/**
 * GetConceptResponse is the output of AtlasService.GetConcept.
 *
 * @generated from message tessera.intelligence.v1.GetConceptResponse
 */
export type GetConceptResponse = Message<"tessera.intelligence.v1.GetConceptResponse"> & {
    /**
     * The concept.
     *
     * @generated from field: tessera.intelligence.v1.Concept concept = 1;
     */
    concept?: Concept | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetConceptResponse.
 * Use `create(GetConceptResponseSchema)` to create a new message.
 */
export declare const GetConceptResponseSchema: GenMessage<GetConceptResponse>;
/**
 * ListConceptsRequest is the input of AtlasService.ListConcepts.
 *
 * @generated from message tessera.intelligence.v1.ListConceptsRequest
 */
export type ListConceptsRequest = Message<"tessera.intelligence.v1.ListConceptsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only this layer (unspecified: all).
     *
     * @generated from field: tessera.intelligence.v1.ConceptLayer layer = 2;
     */
    layer: ConceptLayer;
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
 * Describes the message tessera.intelligence.v1.ListConceptsRequest.
 * Use `create(ListConceptsRequestSchema)` to create a new message.
 */
export declare const ListConceptsRequestSchema: GenMessage<ListConceptsRequest>;
/**
 * ListConceptsResponse is the output of AtlasService.ListConcepts.
 *
 * @generated from message tessera.intelligence.v1.ListConceptsResponse
 */
export type ListConceptsResponse = Message<"tessera.intelligence.v1.ListConceptsResponse"> & {
    /**
     * By id.
     *
     * @generated from field: repeated tessera.intelligence.v1.Concept concepts = 1;
     */
    concepts: Concept[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListConceptsResponse.
 * Use `create(ListConceptsResponseSchema)` to create a new message.
 */
export declare const ListConceptsResponseSchema: GenMessage<ListConceptsResponse>;
/**
 * DeleteConceptRequest is the input of AtlasService.DeleteConcept.
 *
 * @generated from message tessera.intelligence.v1.DeleteConceptRequest
 */
export type DeleteConceptRequest = Message<"tessera.intelligence.v1.DeleteConceptRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string concept_id = 2;
     */
    conceptId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteConceptRequest.
 * Use `create(DeleteConceptRequestSchema)` to create a new message.
 */
export declare const DeleteConceptRequestSchema: GenMessage<DeleteConceptRequest>;
/**
 * DeleteConceptResponse is the output of AtlasService.DeleteConcept.
 *
 * @generated from message tessera.intelligence.v1.DeleteConceptResponse
 */
export type DeleteConceptResponse = Message<"tessera.intelligence.v1.DeleteConceptResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteConceptResponse.
 * Use `create(DeleteConceptResponseSchema)` to create a new message.
 */
export declare const DeleteConceptResponseSchema: GenMessage<DeleteConceptResponse>;
/**
 * CreateEdgeRequest is the input of AtlasService.CreateEdge.
 *
 * @generated from message tessera.intelligence.v1.CreateEdgeRequest
 */
export type CreateEdgeRequest = Message<"tessera.intelligence.v1.CreateEdgeRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: from_concept_id, to_concept_id, type; optional weight.
     *
     * @generated from field: tessera.intelligence.v1.Edge edge = 2;
     */
    edge?: Edge | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateEdgeRequest.
 * Use `create(CreateEdgeRequestSchema)` to create a new message.
 */
export declare const CreateEdgeRequestSchema: GenMessage<CreateEdgeRequest>;
/**
 * CreateEdgeResponse is the output of AtlasService.CreateEdge.
 *
 * @generated from message tessera.intelligence.v1.CreateEdgeResponse
 */
export type CreateEdgeResponse = Message<"tessera.intelligence.v1.CreateEdgeResponse"> & {
    /**
     * The new edge.
     *
     * @generated from field: tessera.intelligence.v1.Edge edge = 1;
     */
    edge?: Edge | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateEdgeResponse.
 * Use `create(CreateEdgeResponseSchema)` to create a new message.
 */
export declare const CreateEdgeResponseSchema: GenMessage<CreateEdgeResponse>;
/**
 * DeleteEdgeRequest is the input of AtlasService.DeleteEdge.
 *
 * @generated from message tessera.intelligence.v1.DeleteEdgeRequest
 */
export type DeleteEdgeRequest = Message<"tessera.intelligence.v1.DeleteEdgeRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string edge_id = 1;
     */
    edgeId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteEdgeRequest.
 * Use `create(DeleteEdgeRequestSchema)` to create a new message.
 */
export declare const DeleteEdgeRequestSchema: GenMessage<DeleteEdgeRequest>;
/**
 * DeleteEdgeResponse is the output of AtlasService.DeleteEdge.
 *
 * @generated from message tessera.intelligence.v1.DeleteEdgeResponse
 */
export type DeleteEdgeResponse = Message<"tessera.intelligence.v1.DeleteEdgeResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteEdgeResponse.
 * Use `create(DeleteEdgeResponseSchema)` to create a new message.
 */
export declare const DeleteEdgeResponseSchema: GenMessage<DeleteEdgeResponse>;
/**
 * GetNeighborhoodRequest is the input of AtlasService.GetNeighborhood.
 *
 * @generated from message tessera.intelligence.v1.GetNeighborhoodRequest
 */
export type GetNeighborhoodRequest = Message<"tessera.intelligence.v1.GetNeighborhoodRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: where the walk starts.
     *
     * @generated from field: string concept_id = 2;
     */
    conceptId: string;
    /**
     * Only these edge types (empty: all).
     *
     * @generated from field: repeated tessera.intelligence.v1.EdgeType edge_types = 3;
     */
    edgeTypes: EdgeType[];
    /**
     * Which way edges are followed (unspecified: both).
     *
     * @generated from field: tessera.intelligence.v1.Direction direction = 4;
     */
    direction: Direction;
    /**
     * 1 to 4; 2 when 0.
     *
     * @generated from field: int32 max_depth = 5;
     */
    maxDepth: number;
    /**
     * 1 to 500; 100 when 0. The root counts.
     *
     * @generated from field: int32 max_nodes = 6;
     */
    maxNodes: number;
};
/**
 * Describes the message tessera.intelligence.v1.GetNeighborhoodRequest.
 * Use `create(GetNeighborhoodRequestSchema)` to create a new message.
 */
export declare const GetNeighborhoodRequestSchema: GenMessage<GetNeighborhoodRequest>;
/**
 * GetNeighborhoodResponse is the output of AtlasService.GetNeighborhood.
 *
 * @generated from message tessera.intelligence.v1.GetNeighborhoodResponse
 */
export type GetNeighborhoodResponse = Message<"tessera.intelligence.v1.GetNeighborhoodResponse"> & {
    /**
     * The root first, then by distance.
     *
     * @generated from field: repeated tessera.intelligence.v1.Concept concepts = 1;
     */
    concepts: Concept[];
    /**
     * Every followed edge between returned concepts.
     *
     * @generated from field: repeated tessera.intelligence.v1.Edge edges = 2;
     */
    edges: Edge[];
    /**
     * Whether max_nodes left reachable concepts out.
     *
     * @generated from field: bool truncated = 3;
     */
    truncated: boolean;
};
/**
 * Describes the message tessera.intelligence.v1.GetNeighborhoodResponse.
 * Use `create(GetNeighborhoodResponseSchema)` to create a new message.
 */
export declare const GetNeighborhoodResponseSchema: GenMessage<GetNeighborhoodResponse>;
/**
 * FindPathsRequest is the input of AtlasService.FindPaths.
 *
 * @generated from message tessera.intelligence.v1.FindPathsRequest
 */
export type FindPathsRequest = Message<"tessera.intelligence.v1.FindPathsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string from_concept_id = 2;
     */
    fromConceptId: string;
    /**
     * Required.
     *
     * @generated from field: string to_concept_id = 3;
     */
    toConceptId: string;
    /**
     * Only these edge types (empty: all).
     *
     * @generated from field: repeated tessera.intelligence.v1.EdgeType edge_types = 4;
     */
    edgeTypes: EdgeType[];
    /**
     * 1 to 6; 4 when 0.
     *
     * @generated from field: int32 max_depth = 5;
     */
    maxDepth: number;
};
/**
 * Describes the message tessera.intelligence.v1.FindPathsRequest.
 * Use `create(FindPathsRequestSchema)` to create a new message.
 */
export declare const FindPathsRequestSchema: GenMessage<FindPathsRequest>;
/**
 * Path is a chain of concepts joined by edges.
 *
 * @generated from message tessera.intelligence.v1.Path
 */
export type Path = Message<"tessera.intelligence.v1.Path"> & {
    /**
     * From the start to the end.
     *
     * @generated from field: repeated string concept_ids = 1;
     */
    conceptIds: string[];
    /**
     * The edges between them, in order.
     *
     * @generated from field: repeated string edge_ids = 2;
     */
    edgeIds: string[];
};
/**
 * Describes the message tessera.intelligence.v1.Path.
 * Use `create(PathSchema)` to create a new message.
 */
export declare const PathSchema: GenMessage<Path>;
/**
 * FindPathsResponse is the output of AtlasService.FindPaths.
 *
 * @generated from message tessera.intelligence.v1.FindPathsResponse
 */
export type FindPathsResponse = Message<"tessera.intelligence.v1.FindPathsResponse"> & {
    /**
     * At most 10, shortest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Path paths = 1;
     */
    paths: Path[];
};
/**
 * Describes the message tessera.intelligence.v1.FindPathsResponse.
 * Use `create(FindPathsResponseSchema)` to create a new message.
 */
export declare const FindPathsResponseSchema: GenMessage<FindPathsResponse>;
/**
 * DecisionLink ties a decision to a concept it concerns.
 *
 * @generated from message tessera.intelligence.v1.DecisionLink
 */
export type DecisionLink = Message<"tessera.intelligence.v1.DecisionLink"> & {
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
     * Required.
     *
     * @generated from field: string decision_id = 3;
     */
    decisionId: string;
    /**
     * Required: a concept of the decision's project.
     *
     * @generated from field: string concept_id = 4;
     */
    conceptId: string;
    /**
     * 0 to 100; unset when unknown.
     *
     * @generated from field: optional int32 confidence = 5;
     */
    confidence?: number | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 6;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.DecisionLink.
 * Use `create(DecisionLinkSchema)` to create a new message.
 */
export declare const DecisionLinkSchema: GenMessage<DecisionLink>;
/**
 * LinkDecisionRequest is the input of AtlasService.LinkDecision.
 *
 * @generated from message tessera.intelligence.v1.LinkDecisionRequest
 */
export type LinkDecisionRequest = Message<"tessera.intelligence.v1.LinkDecisionRequest"> & {
    /**
     * Required: decision_id, concept_id; optional confidence.
     *
     * @generated from field: tessera.intelligence.v1.DecisionLink link = 1;
     */
    link?: DecisionLink | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.LinkDecisionRequest.
 * Use `create(LinkDecisionRequestSchema)` to create a new message.
 */
export declare const LinkDecisionRequestSchema: GenMessage<LinkDecisionRequest>;
/**
 * LinkDecisionResponse is the output of AtlasService.LinkDecision.
 *
 * @generated from message tessera.intelligence.v1.LinkDecisionResponse
 */
export type LinkDecisionResponse = Message<"tessera.intelligence.v1.LinkDecisionResponse"> & {
    /**
     * The new link.
     *
     * @generated from field: tessera.intelligence.v1.DecisionLink link = 1;
     */
    link?: DecisionLink | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.LinkDecisionResponse.
 * Use `create(LinkDecisionResponseSchema)` to create a new message.
 */
export declare const LinkDecisionResponseSchema: GenMessage<LinkDecisionResponse>;
/**
 * UnlinkDecisionRequest is the input of AtlasService.UnlinkDecision.
 *
 * @generated from message tessera.intelligence.v1.UnlinkDecisionRequest
 */
export type UnlinkDecisionRequest = Message<"tessera.intelligence.v1.UnlinkDecisionRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string link_id = 1;
     */
    linkId: string;
};
/**
 * Describes the message tessera.intelligence.v1.UnlinkDecisionRequest.
 * Use `create(UnlinkDecisionRequestSchema)` to create a new message.
 */
export declare const UnlinkDecisionRequestSchema: GenMessage<UnlinkDecisionRequest>;
/**
 * UnlinkDecisionResponse is the output of AtlasService.UnlinkDecision.
 *
 * @generated from message tessera.intelligence.v1.UnlinkDecisionResponse
 */
export type UnlinkDecisionResponse = Message<"tessera.intelligence.v1.UnlinkDecisionResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.UnlinkDecisionResponse.
 * Use `create(UnlinkDecisionResponseSchema)` to create a new message.
 */
export declare const UnlinkDecisionResponseSchema: GenMessage<UnlinkDecisionResponse>;
/**
 * ListDecisionLinksRequest is the input of AtlasService.ListDecisionLinks.
 *
 * @generated from message tessera.intelligence.v1.ListDecisionLinksRequest
 */
export type ListDecisionLinksRequest = Message<"tessera.intelligence.v1.ListDecisionLinksRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * The links of this decision; or
     *
     * @generated from field: string decision_id = 2;
     */
    decisionId: string;
    /**
     * the links to this concept (exactly one of the two).
     *
     * @generated from field: string concept_id = 3;
     */
    conceptId: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDecisionLinksRequest.
 * Use `create(ListDecisionLinksRequestSchema)` to create a new message.
 */
export declare const ListDecisionLinksRequestSchema: GenMessage<ListDecisionLinksRequest>;
/**
 * ListDecisionLinksResponse is the output of AtlasService.ListDecisionLinks.
 *
 * @generated from message tessera.intelligence.v1.ListDecisionLinksResponse
 */
export type ListDecisionLinksResponse = Message<"tessera.intelligence.v1.ListDecisionLinksResponse"> & {
    /**
     * Newest first (at most 1,000).
     *
     * @generated from field: repeated tessera.intelligence.v1.DecisionLink links = 1;
     */
    links: DecisionLink[];
};
/**
 * Describes the message tessera.intelligence.v1.ListDecisionLinksResponse.
 * Use `create(ListDecisionLinksResponseSchema)` to create a new message.
 */
export declare const ListDecisionLinksResponseSchema: GenMessage<ListDecisionLinksResponse>;
/**
 * Diagram is a stored drawing for the Atlas canvas.
 *
 * @generated from message tessera.intelligence.v1.Diagram
 */
export type Diagram = Message<"tessera.intelligence.v1.Diagram"> & {
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
     * The concept it is about, in the project; empty when none (or deleted since).
     *
     * @generated from field: string concept_id = 3;
     */
    conceptId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.DiagramType type = 4;
     */
    type: DiagramType;
    /**
     * Required: a JSON object of at most 1 MiB.
     *
     * @generated from field: google.protobuf.Struct data = 5;
     */
    data?: JsonObject | undefined;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 6;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Diagram.
 * Use `create(DiagramSchema)` to create a new message.
 */
export declare const DiagramSchema: GenMessage<Diagram>;
/**
 * CreateDiagramRequest is the input of AtlasService.CreateDiagram.
 *
 * @generated from message tessera.intelligence.v1.CreateDiagramRequest
 */
export type CreateDiagramRequest = Message<"tessera.intelligence.v1.CreateDiagramRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required: type, data; optional concept_id.
     *
     * @generated from field: tessera.intelligence.v1.Diagram diagram = 2;
     */
    diagram?: Diagram | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateDiagramRequest.
 * Use `create(CreateDiagramRequestSchema)` to create a new message.
 */
export declare const CreateDiagramRequestSchema: GenMessage<CreateDiagramRequest>;
/**
 * CreateDiagramResponse is the output of AtlasService.CreateDiagram.
 *
 * @generated from message tessera.intelligence.v1.CreateDiagramResponse
 */
export type CreateDiagramResponse = Message<"tessera.intelligence.v1.CreateDiagramResponse"> & {
    /**
     * The new diagram.
     *
     * @generated from field: tessera.intelligence.v1.Diagram diagram = 1;
     */
    diagram?: Diagram | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.CreateDiagramResponse.
 * Use `create(CreateDiagramResponseSchema)` to create a new message.
 */
export declare const CreateDiagramResponseSchema: GenMessage<CreateDiagramResponse>;
/**
 * GetDiagramRequest is the input of AtlasService.GetDiagram.
 *
 * @generated from message tessera.intelligence.v1.GetDiagramRequest
 */
export type GetDiagramRequest = Message<"tessera.intelligence.v1.GetDiagramRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string diagram_id = 1;
     */
    diagramId: string;
};
/**
 * Describes the message tessera.intelligence.v1.GetDiagramRequest.
 * Use `create(GetDiagramRequestSchema)` to create a new message.
 */
export declare const GetDiagramRequestSchema: GenMessage<GetDiagramRequest>;
/**
 * GetDiagramResponse is the output of AtlasService.GetDiagram.
 *
 * @generated from message tessera.intelligence.v1.GetDiagramResponse
 */
export type GetDiagramResponse = Message<"tessera.intelligence.v1.GetDiagramResponse"> & {
    /**
     * The diagram.
     *
     * @generated from field: tessera.intelligence.v1.Diagram diagram = 1;
     */
    diagram?: Diagram | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.GetDiagramResponse.
 * Use `create(GetDiagramResponseSchema)` to create a new message.
 */
export declare const GetDiagramResponseSchema: GenMessage<GetDiagramResponse>;
/**
 * ListDiagramsRequest is the input of AtlasService.ListDiagrams.
 *
 * @generated from message tessera.intelligence.v1.ListDiagramsRequest
 */
export type ListDiagramsRequest = Message<"tessera.intelligence.v1.ListDiagramsRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Only this concept's.
     *
     * @generated from field: string concept_id = 2;
     */
    conceptId: string;
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
 * Describes the message tessera.intelligence.v1.ListDiagramsRequest.
 * Use `create(ListDiagramsRequestSchema)` to create a new message.
 */
export declare const ListDiagramsRequestSchema: GenMessage<ListDiagramsRequest>;
/**
 * ListDiagramsResponse is the output of AtlasService.ListDiagrams.
 *
 * @generated from message tessera.intelligence.v1.ListDiagramsResponse
 */
export type ListDiagramsResponse = Message<"tessera.intelligence.v1.ListDiagramsResponse"> & {
    /**
     * Newest first.
     *
     * @generated from field: repeated tessera.intelligence.v1.Diagram diagrams = 1;
     */
    diagrams: Diagram[];
    /**
     * Empty on the last page.
     *
     * @generated from field: string next_page_token = 2;
     */
    nextPageToken: string;
};
/**
 * Describes the message tessera.intelligence.v1.ListDiagramsResponse.
 * Use `create(ListDiagramsResponseSchema)` to create a new message.
 */
export declare const ListDiagramsResponseSchema: GenMessage<ListDiagramsResponse>;
/**
 * DeleteDiagramRequest is the input of AtlasService.DeleteDiagram.
 *
 * @generated from message tessera.intelligence.v1.DeleteDiagramRequest
 */
export type DeleteDiagramRequest = Message<"tessera.intelligence.v1.DeleteDiagramRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string diagram_id = 1;
     */
    diagramId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteDiagramRequest.
 * Use `create(DeleteDiagramRequestSchema)` to create a new message.
 */
export declare const DeleteDiagramRequestSchema: GenMessage<DeleteDiagramRequest>;
/**
 * DeleteDiagramResponse is the output of AtlasService.DeleteDiagram.
 *
 * @generated from message tessera.intelligence.v1.DeleteDiagramResponse
 */
export type DeleteDiagramResponse = Message<"tessera.intelligence.v1.DeleteDiagramResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteDiagramResponse.
 * Use `create(DeleteDiagramResponseSchema)` to create a new message.
 */
export declare const DeleteDiagramResponseSchema: GenMessage<DeleteDiagramResponse>;
/**
 * Chunk is a piece of text to search.
 *
 * @generated from message tessera.intelligence.v1.Chunk
 */
export type Chunk = Message<"tessera.intelligence.v1.Chunk"> & {
    /**
     * UUID: set it to replace an existing chunk, leave it empty to create one.
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
     * The concept it belongs to, if any.
     *
     * @generated from field: string concept_id = 3;
     */
    conceptId: string;
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.ChunkKind kind = 4;
     */
    kind: ChunkKind;
    /**
     * Required, 1 to 4,000 characters.
     *
     * @generated from field: string content = 5;
     */
    content: string;
    /**
     * The file it came from (manifest path rules); empty when none.
     *
     * @generated from field: string file_path = 6;
     */
    filePath: string;
    /**
     * The symbol it defines, at most 500 characters; empty when none.
     *
     * @generated from field: string symbol = 7;
     */
    symbol: string;
    /**
     * A hash of its source, at most 128 characters; empty when none.
     *
     * @generated from field: string source_hash = 8;
     */
    sourceHash: string;
    /**
     * Output only.
     *
     * @generated from field: google.protobuf.Timestamp create_time = 9;
     */
    createTime?: Timestamp | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.Chunk.
 * Use `create(ChunkSchema)` to create a new message.
 */
export declare const ChunkSchema: GenMessage<Chunk>;
/**
 * Vector is an embedding of a text by a named model.
 *
 * @generated from message tessera.intelligence.v1.Vector
 */
export type Vector = Message<"tessera.intelligence.v1.Vector"> & {
    /**
     * Required: the model's id, 1 to 200 characters. Vectors of different models are never
     * compared.
     *
     * @generated from field: string model = 1;
     */
    model: string;
    /**
     * Required: 1 to 4,096 finite values, not all zero; stored L2-normalised.
     *
     * @generated from field: repeated float values = 2;
     */
    values: number[];
};
/**
 * Describes the message tessera.intelligence.v1.Vector.
 * Use `create(VectorSchema)` to create a new message.
 */
export declare const VectorSchema: GenMessage<Vector>;
/**
 * ChunkInput is a chunk to upsert with vectors of the client's own models.
 *
 * @generated from message tessera.intelligence.v1.ChunkInput
 */
export type ChunkInput = Message<"tessera.intelligence.v1.ChunkInput"> & {
    /**
     * Required.
     *
     * @generated from field: tessera.intelligence.v1.Chunk chunk = 1;
     */
    chunk?: Chunk | undefined;
    /**
     * Optional, one per model (not the server's: it embeds the chunk itself).
     *
     * @generated from field: repeated tessera.intelligence.v1.Vector vectors = 2;
     */
    vectors: Vector[];
};
/**
 * Describes the message tessera.intelligence.v1.ChunkInput.
 * Use `create(ChunkInputSchema)` to create a new message.
 */
export declare const ChunkInputSchema: GenMessage<ChunkInput>;
/**
 * UpsertChunksRequest is the input of AtlasSearchService.UpsertChunks.
 *
 * @generated from message tessera.intelligence.v1.UpsertChunksRequest
 */
export type UpsertChunksRequest = Message<"tessera.intelligence.v1.UpsertChunksRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * 1 to 128.
     *
     * @generated from field: repeated tessera.intelligence.v1.ChunkInput chunks = 2;
     */
    chunks: ChunkInput[];
};
/**
 * Describes the message tessera.intelligence.v1.UpsertChunksRequest.
 * Use `create(UpsertChunksRequestSchema)` to create a new message.
 */
export declare const UpsertChunksRequestSchema: GenMessage<UpsertChunksRequest>;
/**
 * UpsertChunksResponse is the output of AtlasSearchService.UpsertChunks.
 *
 * @generated from message tessera.intelligence.v1.UpsertChunksResponse
 */
export type UpsertChunksResponse = Message<"tessera.intelligence.v1.UpsertChunksResponse"> & {
    /**
     * The chunks as stored, in request order.
     *
     * @generated from field: repeated tessera.intelligence.v1.Chunk chunks = 1;
     */
    chunks: Chunk[];
    /**
     * The server's embedding model.
     *
     * @generated from field: string model = 2;
     */
    model: string;
};
/**
 * Describes the message tessera.intelligence.v1.UpsertChunksResponse.
 * Use `create(UpsertChunksResponseSchema)` to create a new message.
 */
export declare const UpsertChunksResponseSchema: GenMessage<UpsertChunksResponse>;
/**
 * DeleteChunkRequest is the input of AtlasSearchService.DeleteChunk.
 *
 * @generated from message tessera.intelligence.v1.DeleteChunkRequest
 */
export type DeleteChunkRequest = Message<"tessera.intelligence.v1.DeleteChunkRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required.
     *
     * @generated from field: string chunk_id = 2;
     */
    chunkId: string;
};
/**
 * Describes the message tessera.intelligence.v1.DeleteChunkRequest.
 * Use `create(DeleteChunkRequestSchema)` to create a new message.
 */
export declare const DeleteChunkRequestSchema: GenMessage<DeleteChunkRequest>;
/**
 * DeleteChunkResponse is the output of AtlasSearchService.DeleteChunk.
 *
 * @generated from message tessera.intelligence.v1.DeleteChunkResponse
 */
export type DeleteChunkResponse = Message<"tessera.intelligence.v1.DeleteChunkResponse"> & {};
/**
 * Describes the message tessera.intelligence.v1.DeleteChunkResponse.
 * Use `create(DeleteChunkResponseSchema)` to create a new message.
 */
export declare const DeleteChunkResponseSchema: GenMessage<DeleteChunkResponse>;
/**
 * SearchRequest is the input of AtlasSearchService.Search.
 *
 * @generated from message tessera.intelligence.v1.SearchRequest
 */
export type SearchRequest = Message<"tessera.intelligence.v1.SearchRequest"> & {
    /**
     * Required.
     *
     * @generated from field: string project_id = 1;
     */
    projectId: string;
    /**
     * Required, 1 to 1,000 characters: embedded by the server's model and matched as words
     * (websearch syntax: "quoted phrases", -excluded, or).
     *
     * @generated from field: string query = 2;
     */
    query: string;
    /**
     * Only these kinds (empty: all).
     *
     * @generated from field: repeated tessera.intelligence.v1.ChunkKind kinds = 3;
     */
    kinds: ChunkKind[];
    /**
     * 1 to 50; 10 when 0.
     *
     * @generated from field: int32 limit = 4;
     */
    limit: number;
    /**
     * Instead of the server's embedding of the query: a vector of a client's model, compared
     * only with that model's vectors.
     *
     * @generated from field: tessera.intelligence.v1.Vector query_vector = 5;
     */
    queryVector?: Vector | undefined;
};
/**
 * Describes the message tessera.intelligence.v1.SearchRequest.
 * Use `create(SearchRequestSchema)` to create a new message.
 */
export declare const SearchRequestSchema: GenMessage<SearchRequest>;
/**
 * SearchHit is one ranked chunk.
 *
 * @generated from message tessera.intelligence.v1.SearchHit
 */
export type SearchHit = Message<"tessera.intelligence.v1.SearchHit"> & {
    /**
     * The chunk.
     *
     * @generated from field: tessera.intelligence.v1.Chunk chunk = 1;
     */
    chunk?: Chunk | undefined;
    /**
     * The fused score: sum of 1 / (60 + rank) over the lists it is in.
     *
     * @generated from field: double score = 2;
     */
    score: number;
    /**
     * Its rank among nearest neighbours (1 is nearest); 0 when not in the top 50.
     *
     * @generated from field: int32 vector_rank = 3;
     */
    vectorRank: number;
    /**
     * Its rank among full-text matches (1 is best); 0 when not in the top 50.
     *
     * @generated from field: int32 text_rank = 4;
     */
    textRank: number;
    /**
     * Its cosine similarity to the query; 0 when not in the vector list.
     *
     * @generated from field: float similarity = 5;
     */
    similarity: number;
};
/**
 * Describes the message tessera.intelligence.v1.SearchHit.
 * Use `create(SearchHitSchema)` to create a new message.
 */
export declare const SearchHitSchema: GenMessage<SearchHit>;
/**
 * SearchResponse is the output of AtlasSearchService.Search.
 *
 * @generated from message tessera.intelligence.v1.SearchResponse
 */
export type SearchResponse = Message<"tessera.intelligence.v1.SearchResponse"> & {
    /**
     * Best first.
     *
     * @generated from field: repeated tessera.intelligence.v1.SearchHit hits = 1;
     */
    hits: SearchHit[];
    /**
     * The model whose vectors were compared.
     *
     * @generated from field: string model = 2;
     */
    model: string;
};
/**
 * Describes the message tessera.intelligence.v1.SearchResponse.
 * Use `create(SearchResponseSchema)` to create a new message.
 */
export declare const SearchResponseSchema: GenMessage<SearchResponse>;
/**
 * ConceptLayer is a concept's level of abstraction (its id's prefix).
 *
 * @generated from enum tessera.intelligence.v1.ConceptLayer
 */
export declare enum ConceptLayer {
    /**
     * Not set.
     *
     * @generated from enum value: CONCEPT_LAYER_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * narrative:<name>, the story.
     *
     * @generated from enum value: CONCEPT_LAYER_NARRATIVE = 1;
     */
    NARRATIVE = 1,
    /**
     * capability:<name>, what the product can do.
     *
     * @generated from enum value: CONCEPT_LAYER_CAPABILITY = 2;
     */
    CAPABILITY = 2,
    /**
     * system:<name>, a deployable part.
     *
     * @generated from enum value: CONCEPT_LAYER_SYSTEM = 3;
     */
    SYSTEM = 3,
    /**
     * module:<path>, a directory.
     *
     * @generated from enum value: CONCEPT_LAYER_MODULE = 4;
     */
    MODULE = 4,
    /**
     * code:<file path>, a file.
     *
     * @generated from enum value: CONCEPT_LAYER_CODE = 5;
     */
    CODE = 5
}
/**
 * Describes the enum tessera.intelligence.v1.ConceptLayer.
 */
export declare const ConceptLayerSchema: GenEnum<ConceptLayer>;
/**
 * EdgeType is how two concepts relate.
 *
 * @generated from enum tessera.intelligence.v1.EdgeType
 */
export declare enum EdgeType {
    /**
     * Not set.
     *
     * @generated from enum value: EDGE_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * The first contains the second.
     *
     * @generated from enum value: EDGE_TYPE_CONTAINS = 1;
     */
    CONTAINS = 1,
    /**
     * The first depends on the second.
     *
     * @generated from enum value: EDGE_TYPE_DEPENDS_ON = 2;
     */
    DEPENDS_ON = 2,
    /**
     * The first is used by the second.
     *
     * @generated from enum value: EDGE_TYPE_USED_BY = 3;
     */
    USED_BY = 3,
    /**
     * Related otherwise.
     *
     * @generated from enum value: EDGE_TYPE_RELATES = 4;
     */
    RELATES = 4
}
/**
 * Describes the enum tessera.intelligence.v1.EdgeType.
 */
export declare const EdgeTypeSchema: GenEnum<EdgeType>;
/**
 * Direction says which edges a walk follows from a concept.
 *
 * @generated from enum tessera.intelligence.v1.Direction
 */
export declare enum Direction {
    /**
     * Both ways.
     *
     * @generated from enum value: DIRECTION_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Edges from the concept.
     *
     * @generated from enum value: DIRECTION_OUTGOING = 1;
     */
    OUTGOING = 1,
    /**
     * Edges to the concept.
     *
     * @generated from enum value: DIRECTION_INCOMING = 2;
     */
    INCOMING = 2,
    /**
     * Both ways.
     *
     * @generated from enum value: DIRECTION_BOTH = 3;
     */
    BOTH = 3
}
/**
 * Describes the enum tessera.intelligence.v1.Direction.
 */
export declare const DirectionSchema: GenEnum<Direction>;
/**
 * DiagramType is the kind of drawing.
 *
 * @generated from enum tessera.intelligence.v1.DiagramType
 */
export declare enum DiagramType {
    /**
     * Not set.
     *
     * @generated from enum value: DIAGRAM_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * A flow chart.
     *
     * @generated from enum value: DIAGRAM_TYPE_FLOW = 1;
     */
    FLOW = 1,
    /**
     * Dependencies.
     *
     * @generated from enum value: DIAGRAM_TYPE_DEPENDENCY = 2;
     */
    DEPENDENCY = 2,
    /**
     * Components.
     *
     * @generated from enum value: DIAGRAM_TYPE_COMPONENT = 3;
     */
    COMPONENT = 3,
    /**
     * A sequence diagram.
     *
     * @generated from enum value: DIAGRAM_TYPE_SEQUENCE = 4;
     */
    SEQUENCE = 4
}
/**
 * Describes the enum tessera.intelligence.v1.DiagramType.
 */
export declare const DiagramTypeSchema: GenEnum<DiagramType>;
/**
 * ChunkKind is where a chunk's text came from.
 *
 * @generated from enum tessera.intelligence.v1.ChunkKind
 */
export declare enum ChunkKind {
    /**
     * Not set.
     *
     * @generated from enum value: CHUNK_KIND_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Source code.
     *
     * @generated from enum value: CHUNK_KIND_CODE = 1;
     */
    CODE = 1,
    /**
     * A decision.
     *
     * @generated from enum value: CHUNK_KIND_DECISION = 2;
     */
    DECISION = 2,
    /**
     * A conversation.
     *
     * @generated from enum value: CHUNK_KIND_CONVERSATION = 3;
     */
    CONVERSATION = 3
}
/**
 * Describes the enum tessera.intelligence.v1.ChunkKind.
 */
export declare const ChunkKindSchema: GenEnum<ChunkKind>;
/**
 * AtlasService is a project's knowledge graph: concepts (systems, modules, code files,
 * narratives, capabilities) and typed edges between them, derived from snapshots or written by
 * the owner, with decision links and diagrams. Only the project's owner sees it.
 *
 * @generated from service tessera.intelligence.v1.AtlasService
 */
export declare const AtlasService: GenService<{
    /**
     * BuildFromSnapshot derives module and code concepts and `contains` edges from a snapshot's
     * file tree: module:<dir> contains module:<subdir> and code:<file>. Idempotent: building the
     * same snapshot again changes nothing; building another replaces the derived concepts no
     * longer in its tree (with their edges and links).
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.BuildFromSnapshot
     */
    buildFromSnapshot: {
        methodKind: "unary";
        input: typeof BuildFromSnapshotRequestSchema;
        output: typeof BuildFromSnapshotResponseSchema;
    };
    /**
     * UpsertConcept creates a concept or replaces its name, type, description and metadata.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.UpsertConcept
     */
    upsertConcept: {
        methodKind: "unary";
        input: typeof UpsertConceptRequestSchema;
        output: typeof UpsertConceptResponseSchema;
    };
    /**
     * GetConcept returns a concept.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.GetConcept
     */
    getConcept: {
        methodKind: "unary";
        input: typeof GetConceptRequestSchema;
        output: typeof GetConceptResponseSchema;
    };
    /**
     * ListConcepts lists a project's concepts by id, optionally of one layer.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.ListConcepts
     */
    listConcepts: {
        methodKind: "unary";
        input: typeof ListConceptsRequestSchema;
        output: typeof ListConceptsResponseSchema;
    };
    /**
     * DeleteConcept deletes a concept with its edges and decision links.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.DeleteConcept
     */
    deleteConcept: {
        methodKind: "unary";
        input: typeof DeleteConceptRequestSchema;
        output: typeof DeleteConceptResponseSchema;
    };
    /**
     * CreateEdge connects two concepts of the project (one edge per pair and type:
     * ALREADY_EXISTS otherwise).
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.CreateEdge
     */
    createEdge: {
        methodKind: "unary";
        input: typeof CreateEdgeRequestSchema;
        output: typeof CreateEdgeResponseSchema;
    };
    /**
     * DeleteEdge deletes an edge.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.DeleteEdge
     */
    deleteEdge: {
        methodKind: "unary";
        input: typeof DeleteEdgeRequestSchema;
        output: typeof DeleteEdgeResponseSchema;
    };
    /**
     * GetNeighborhood walks breadth-first from a concept, at most max_depth edges away and
     * max_nodes concepts in all; `truncated` says a cap cut the walk short.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.GetNeighborhood
     */
    getNeighborhood: {
        methodKind: "unary";
        input: typeof GetNeighborhoodRequestSchema;
        output: typeof GetNeighborhoodResponseSchema;
    };
    /**
     * FindPaths finds up to 10 simple paths along edge directions between two concepts,
     * shortest first, at most max_depth edges long.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.FindPaths
     */
    findPaths: {
        methodKind: "unary";
        input: typeof FindPathsRequestSchema;
        output: typeof FindPathsResponseSchema;
    };
    /**
     * LinkDecision links a decision to a concept of the same project, with a confidence.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.LinkDecision
     */
    linkDecision: {
        methodKind: "unary";
        input: typeof LinkDecisionRequestSchema;
        output: typeof LinkDecisionResponseSchema;
    };
    /**
     * UnlinkDecision removes a link.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.UnlinkDecision
     */
    unlinkDecision: {
        methodKind: "unary";
        input: typeof UnlinkDecisionRequestSchema;
        output: typeof UnlinkDecisionResponseSchema;
    };
    /**
     * ListDecisionLinks lists the links of a decision or of a concept.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.ListDecisionLinks
     */
    listDecisionLinks: {
        methodKind: "unary";
        input: typeof ListDecisionLinksRequestSchema;
        output: typeof ListDecisionLinksResponseSchema;
    };
    /**
     * CreateDiagram stores a diagram for the Atlas canvas.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.CreateDiagram
     */
    createDiagram: {
        methodKind: "unary";
        input: typeof CreateDiagramRequestSchema;
        output: typeof CreateDiagramResponseSchema;
    };
    /**
     * GetDiagram returns a diagram.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.GetDiagram
     */
    getDiagram: {
        methodKind: "unary";
        input: typeof GetDiagramRequestSchema;
        output: typeof GetDiagramResponseSchema;
    };
    /**
     * ListDiagrams lists a project's diagrams newest first, optionally of one concept.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.ListDiagrams
     */
    listDiagrams: {
        methodKind: "unary";
        input: typeof ListDiagramsRequestSchema;
        output: typeof ListDiagramsResponseSchema;
    };
    /**
     * DeleteDiagram deletes a diagram.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasService.DeleteDiagram
     */
    deleteDiagram: {
        methodKind: "unary";
        input: typeof DeleteDiagramRequestSchema;
        output: typeof DeleteDiagramResponseSchema;
    };
}>;
/**
 * AtlasSearchService holds a project's text chunks (code, decisions, conversations) with
 * their embeddings, and searches them by meaning and by words at once.
 *
 * @generated from service tessera.intelligence.v1.AtlasSearchService
 */
export declare const AtlasSearchService: GenService<{
    /**
     * UpsertChunks creates or replaces up to 128 chunks. Each is embedded by the server's model;
     * clients may add vectors of their own models.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasSearchService.UpsertChunks
     */
    upsertChunks: {
        methodKind: "unary";
        input: typeof UpsertChunksRequestSchema;
        output: typeof UpsertChunksResponseSchema;
    };
    /**
     * DeleteChunk deletes a chunk and its vectors.
     *
     * @generated from rpc tessera.intelligence.v1.AtlasSearchService.DeleteChunk
     */
    deleteChunk: {
        methodKind: "unary";
        input: typeof DeleteChunkRequestSchema;
        output: typeof DeleteChunkResponseSchema;
    };
    /**
     * Search ranks the project's chunks for a query: exact nearest neighbours among the vectors
     * of one model (the top 50) and full-text matches (the top 50), fused by Reciprocal Rank
     * Fusion: score = sum over both lists of 1 / (60 + rank).
     *
     * @generated from rpc tessera.intelligence.v1.AtlasSearchService.Search
     */
    search: {
        methodKind: "unary";
        input: typeof SearchRequestSchema;
        output: typeof SearchResponseSchema;
    };
}>;
