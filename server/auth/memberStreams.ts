/** Why a member's live streams are being ended; sent to the client as the stream's last event. */
export type StreamEndReason = 'revoked' | 'role_changed' | 'shutdown';

/** A live stream as the registry sees it: a way to end it, with the reason. */
export type EndStream = (reason: StreamEndReason) => void;

/**
 * The live streams (Server-Sent Events) each member holds open, so that revoking a member or changing their
 * role ends every one of them at once (issue 11, point 6) instead of at the stream's next event. A stream
 * opened under the old access must not outlive it: the client reconnects and is authorised afresh.
 */
export interface MemberStreams {
  /** Registers a member's live stream; the function returned unregisters it (call it when the stream closes). */
  add(memberId: string, end: EndStream): () => void;
  /** Ends every live stream of a member; returns how many it ended. */
  endMember(memberId: string, reason: StreamEndReason): number;
  /** Ends every live stream (the server stops). */
  endAll(): void;
  /** How many live streams a member (or, without an id, everyone) holds. */
  count(memberId?: string): number;
}

/** Creates the registry; an `end` that throws is logged and does not keep the others open. */
export function createMemberStreams(log: (line: string) => void): MemberStreams {
  const byMember = new Map<string, Set<EndStream>>();

  const endEach = (memberId: string, streams: Set<EndStream>, reason: StreamEndReason): number => {
    byMember.delete(memberId);
    let ended = 0;
    for (const end of streams) {
      try {
        end(reason);
        ended += 1;
      } catch (error) {
        log(`[streams] could not end a stream of ${memberId} (${reason}): ${(error as Error).message}`);
      }
    }
    return ended;
  };

  return {
    add(memberId, end) {
      const streams = byMember.get(memberId) ?? new Set<EndStream>();
      streams.add(end);
      byMember.set(memberId, streams);
      return () => {
        streams.delete(end);
        if (streams.size === 0 && byMember.get(memberId) === streams) byMember.delete(memberId);
      };
    },
    endMember(memberId, reason) {
      const streams = byMember.get(memberId);
      return streams ? endEach(memberId, streams, reason) : 0;
    },
    endAll() {
      for (const [memberId, streams] of [...byMember]) endEach(memberId, streams, 'shutdown');
    },
    count(memberId) {
      if (memberId !== undefined) return byMember.get(memberId)?.size ?? 0;
      let total = 0;
      for (const streams of byMember.values()) total += streams.size;
      return total;
    },
  };
}

/**
 * Ends a Server-Sent Events response with a last `event: closed` that names the reason, so the client can say
 * why (a revoked link, a new role) before EventSource reconnects and is authorised afresh.
 */
export function endEventStream(stream: { end(chunk?: string): unknown; readonly writableEnded: boolean; readonly destroyed: boolean }, reason: StreamEndReason): void {
  // A stream the client has gone from is not written to: Node would emit an error no one catches.
  if (stream.writableEnded || stream.destroyed) return;
  stream.end(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
}
