/**
 * Work carried by hand (issue 14, part 4): `POST /api/documents/import-changes` takes a `.sajaro` file
 * (shared/updateFile/updateFileCodec.ts) as `application/octet-stream`, up to `IMPORT_CHANGES_MAX_BYTES`,
 * and answers with what each act took; `GET /api/documents/:id/export-changes?since=<base64 state vector>`
 * answers with a file of the act's updates since that state, for a member offline. A bad file is 400
 * `bad_update_file` naming what was wrong, and nothing of it is applied.
 */
export const IMPORT_CHANGES_MAX_BYTES = 50 * 1024 * 1024;

/** What one act took from a file: how many updates brought new text, how many comments and suggestions were new. */
export interface AppliedActChanges {
  readonly docId: string;
  readonly updates: number;
  readonly comments: number;
  readonly suggestions: number;
}

/** An act (or part of one) the workspace did not take, and why, in a sentence. */
export interface RefusedActChanges {
  readonly docId: string;
  readonly reason: string;
}

/** The answer to `POST /api/documents/import-changes`. */
export interface ImportChangesResponse {
  readonly applied: readonly AppliedActChanges[];
  readonly refused: readonly RefusedActChanges[];
}

/** The media type of `.sajaro` files on the wire. */
export const UPDATE_FILE_MEDIA_TYPE = 'application/octet-stream';
