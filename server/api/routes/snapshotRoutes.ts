import type { FastifyInstance, FastifyReply } from 'fastify';
import { apiError } from '../../../shared/api/errors';
import { isRangeRefusal, parseByteRange, parseStateVectorParam } from '../../../shared/sync/snapshotContract';
import { SnapshotCache, type Snapshot } from '../../sync/snapshotCache';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

/** An entity tag as the route writes it: the snapshot's id in quotes (a strong validator). */
const ETAG = /^"([A-Za-z0-9_-]{1,64})"$/;

/**
 * `GET /api/documents/:id/snapshot?sv=<base64url state vector>` (issue 14): the act's initial sync as a plain
 * download in byte ranges, so a link that drops mid-transfer loses only the range in flight. It carries what
 * the member's sync step 2 would (same history rule, same access: any member who may read the act), with an
 * ETag that names the exact bytes; `If-Range: <ETag>` resumes the same bytes from the cache even after the act
 * changed, and the websocket sync that follows brings the rest. Stock y-websocket clients never call it.
 */
export function registerSnapshotRoutes(app: FastifyInstance, workspace: Workspace, cache = new SnapshotCache()): void {
  app.get<{ Params: { id: string }; Querystring: { sv?: unknown } }>(
    '/api/documents/:id/snapshot',
    { config: { access: 'read' } },
    async (request, reply) => {
      const doc = documentOr404(workspace, request.params.id, reply);
      if (!doc) return reply;
      const stateVector = parseStateVectorParam(request.query.sv);
      if (!stateVector.ok) return reply.code(400).send(apiError('bad_state_vector', stateVector.error));
      const member = memberOf(request);

      const ifRange = request.headers['if-range'];
      const wanted = typeof ifRange === 'string' ? ETAG.exec(ifRange.trim())?.[1] : undefined;
      const withHistory = workspace.sync.includesHistory(member);
      // The resumed bytes are the cached ones, for the same act and the same audience only.
      const resumed = wanted === undefined ? null : cache.get(wanted, doc.id, withHistory);
      const snapshot = resumed ?? cache.put(doc.id, withHistory, workspace.sync.updateFor(doc.id, member, stateVector.value));
      // RFC 9110 §13.1.5: when If-Range does not match, the Range is ignored and the whole snapshot is sent.
      const rangeHeader = ifRange !== undefined && snapshot.id !== wanted ? undefined : request.headers.range;
      return sendSnapshot(reply, snapshot, rangeHeader);
    },
  );
}

function sendSnapshot(reply: FastifyReply, snapshot: Snapshot, rangeHeader: string | undefined): FastifyReply {
  const total = snapshot.bytes.length;
  void reply
    .header('ETag', `"${snapshot.id}"`)
    .header('Accept-Ranges', 'bytes')
    // The act's text is a member's business: no shared cache keeps it.
    .header('Cache-Control', 'private, no-store')
    .type('application/octet-stream');
  const range = parseByteRange(rangeHeader, total);
  if (isRangeRefusal(range)) {
    if (range.status === 416) void reply.header('Content-Range', `bytes */${total}`);
    void reply.type('application/json');
    return range.status === 416
      ? reply.code(416).send(apiError('range_not_satisfiable', range.message, { totalBytes: total }))
      : reply.code(400).send(apiError('bad_range', range.message));
  }
  const body = Buffer.from(snapshot.bytes.buffer, snapshot.bytes.byteOffset, snapshot.bytes.byteLength);
  if (range === null) return reply.code(200).send(body);
  return reply
    .code(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${total}`)
    .send(body.subarray(range.start, range.end + 1));
}
