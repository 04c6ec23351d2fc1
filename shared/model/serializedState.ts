/**
 * The parts of Lexical's serialized editor state that the model reads. Kept structural and loose, so the
 * model derives from stored JSON without a Lexical editor and tolerates unknown node types.
 */
export interface SerializedBlock {
  readonly type: string;
  readonly children?: readonly SerializedBlock[];
  readonly text?: string;
  readonly uid?: string;
  readonly depth?: number;
  readonly part?: string;
  readonly actType?: string;
  readonly target?: string;
  readonly grammaticalCase?: string;
}

/** The root of a serialized editor state. */
export interface SerializedState {
  readonly root: { readonly children: readonly SerializedBlock[] };
}
