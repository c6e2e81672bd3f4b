// Resumable server streams: read from a cursor, reconnect on UNAVAILABLE (or when the server
// ends the stream), resume after the last item seen, so nothing is lost or repeated (the
// services send what was missed first).
//
//   for await (const event of identityEvents(t.identity, { afterCursor: saved })) {
//     handle(event);
//     saved = event.cursor;
//   }

import { Code } from "@connectrpc/connect";

import type { Clients } from "./client.js";
import { TesseraError } from "./errors.js";
import type { Event, StreamEventsResponse } from "./gen/tessera/identity/v1/events_pb.js";
import { type RetryPolicy, backoffMs, sleep, streamRetryPolicy } from "./retry.js";
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
export async function* resume<T>(
  open: (cursor: bigint, signal?: AbortSignal) => AsyncIterable<T>,
  cursorOf: (item: T) => bigint | undefined,
  options: ResumeOptions = {},
): AsyncGenerator<T> {
  const policy = options.retry ?? streamRetryPolicy;
  let cursor = options.afterCursor ?? 0n;
  let failures = 0;
  for (;;) {
    let failure: TesseraError | undefined;
    try {
      for await (const item of open(cursor, options.signal)) {
        failures = 0;
        cursor = cursorOf(item) ?? cursor;
        yield item;
      }
    } catch (reason) {
      failure = TesseraError.from(reason);
      if (failure.code !== Code.Unavailable || options.signal?.aborted) {
        throw failure;
      }
    }
    failures++;
    if (failure && failures >= policy.maxAttempts) {
      throw failure;
    }
    await sleep(backoffMs(policy, failures, failure), options.signal);
  }
}

/** identity's account and session events after `afterCursor`, live, across reconnects
 * (heartbeats left out). The client's token must be a service credential. */
export async function* identityEvents(
  identity: Clients<typeof identityServices>,
  options: ResumeOptions = {},
): AsyncGenerator<Event> {
  const open = (cursor: bigint, signal?: AbortSignal) =>
    identity.event.streamEvents({ afterCursor: cursor }, { signal });
  const cursorOf = (item: StreamEventsResponse) =>
    item.item.case === "event" ? item.item.value.cursor : undefined;
  for await (const item of resume(open, cursorOf, options)) {
    if (item.item.case === "event") {
      yield item.item.value;
    }
  }
}
