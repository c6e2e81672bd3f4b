import type { Clients } from "./client.js";
import type { Event } from "./gen/tessera/identity/v1/events_pb.js";
import { type RetryPolicy } from "./retry.js";
import type { identityServices } from "./services.js";
export interface ResumeOptions {
    /** Start after this cursor (0: from the first item kept). */
    afterCursor?: bigint;
    /** Reconnect policy: `maxAttempts` failures in a row end the stream with the last error. */
    retry?: RetryPolicy;
    /** Stops the stream. */
    signal?: AbortSignal;
}
/** Yields the items of `open(cursor)`, reopening after the last cursor seen; `cursorOf(item)`
 * is an item's cursor (undefined for items without one). */
export declare function resume<T>(open: (cursor: bigint, signal?: AbortSignal) => AsyncIterable<T>, cursorOf: (item: T) => bigint | undefined, options?: ResumeOptions): AsyncGenerator<T>;
/** identity's account and session events after `afterCursor`, live, across reconnects
 * (heartbeats left out). The client's token must be a service credential. */
export declare function identityEvents(identity: Clients<typeof identityServices>, options?: ResumeOptions): AsyncGenerator<Event>;
