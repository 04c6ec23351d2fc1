import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, $isTextNode, type ElementNode, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bindEditor, createActEditor, mirrorLexicalToYjs, mirrorYjsToLexical } from '../../server/lexical/actEditor';
import { seedActState } from '../../server/lexical/seed';
import type { BlockSpec } from '../templates/actOutline';
import { readActText } from './actText';
import { anchorBetween, createTextAnchor, decodePosition, resolveTextAnchor, type TextAnchor } from './textAnchor';

const ID = 'doc-anchor-unit';

/** An act in a Y.Doc with a bound headless editor, as a client holds it. */
function act(blocks: readonly BlockSpec[]): { doc: Y.Doc; editor: LexicalEditor; edit(fn: () => void): void } {
  const doc = new Y.Doc();
  const editor = createActEditor();
  const binding = bindEditor(editor, doc, ID);
  mirrorYjsToLexical(binding);
  mirrorLexicalToYjs(editor, binding);
  Y.applyUpdate(doc, seedActState(blocks, ID));
  editor.update(() => {}, { discrete: true });
  return { doc, editor, edit: (fn) => editor.update(fn, { discrete: true }) };
}

/** A second client's copy of an act: bound first, then filled (DESIGN.md, "Derive"). */
function copyOf(source: Y.Doc): { doc: Y.Doc; edit(fn: () => void): void } {
  const doc = new Y.Doc();
  const editor = createActEditor();
  const binding = bindEditor(editor, doc, ID);
  mirrorYjsToLexical(binding);
  mirrorLexicalToYjs(editor, binding);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  editor.update(() => {}, { discrete: true });
  return { doc, edit: (fn) => editor.update(fn, { discrete: true }) };
}

function anchorOn(doc: Y.Doc, needle: string, nth = 0): TextAnchor {
  const segments = readActText(doc).segments.filter((s) => s.text.includes(needle));
  const segment = segments[nth]!;
  const at = segment.text.indexOf(needle);
  const made = createTextAnchor(doc, { path: segment.path, offset: at }, { path: segment.path, offset: at + needle.length });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

function $text(needle: string, nth = 0): { node: TextNode; offset: number } {
  const found = $getRoot()
    .getChildren()
    .flatMap((b) => (b as ElementNode).getChildren().filter($isTextNode))
    .filter((t) => t.getTextContent().includes(needle))[nth]!;
  return { node: found, offset: found.getTextContent().indexOf(needle) };
}

/** Resolves and, like the server, stores the anchor anew when its text moved. */
function follow(doc: Y.Doc, anchor: TextAnchor): { anchor: TextAnchor; state: string; text: string } {
  const r = resolveTextAnchor(doc, anchor);
  if (r.stale && r.start && r.end) {
    const placed = anchorBetween(readActText(doc), r.start, r.end);
    if (placed.ok) return { anchor: placed.value, state: r.state, text: r.text };
  }
  return { anchor, state: r.state, text: r.text };
}

const BLOCKS: BlockSpec[] = [
  { type: 'article', uid: 'art-gifts', inline: [{ text: 'საჩუქრები' }] },
  { type: 'clause', uid: 'gifts-1', depth: 0, inline: [{ text: 'საჩუქრის მიღება აკრძალულია.' }] },
  { type: 'clause', uid: 'gifts-2', depth: 0, inline: [{ text: 'სიმბოლური საჩუქარი დასაშვებია.' }] },
  { type: 'article', uid: 'art-final', inline: [{ text: 'დასკვნითი დებულება' }] },
  { type: 'clause', uid: 'final-1', depth: 0, inline: [{ text: 'საჩუქრის მიღება აკრძალულია.' }] },
];

describe('text anchors', () => {
  test('a split inside the range spans both paragraphs; merging joins it again', () => {
    const { doc, edit } = act(BLOCKS);
    let anchor = anchorOn(doc, 'მიღება აკრძალულია');
    edit(() => {
      const { node, offset } = $text('აკრძალულია');
      node.select(offset, offset);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertParagraph();
    });
    let now = follow(doc, anchor);
    expect(now).toMatchObject({ state: 'anchored', text: 'მიღება \nაკრძალულია' });
    anchor = now.anchor;
    edit(() => {
      const { node } = $text('აკრძალულია.');
      node.select(0, 0);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.deleteCharacter(true);
    });
    now = follow(doc, anchor);
    expect(now).toMatchObject({ state: 'anchored', text: 'მიღება აკრძალულია' });
  });

  test('deleted text is "removed", even when the same words stand in another article', () => {
    const { doc, edit } = act(BLOCKS);
    const anchor = anchorOn(doc, 'მიღება აკრძალულია');
    edit(() => {
      const { node, offset } = $text('მიღება აკრძალულია');
      node.spliceText(offset, 'მიღება აკრძალულია'.length, '', false);
    });
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ state: 'removed', text: '' });
    expect(readActText(doc).segments.filter((s) => s.text.includes('მიღება აკრძალულია'))).toHaveLength(1);
  });

  test('a partly deleted range keeps what survives', () => {
    const { doc, edit } = act(BLOCKS);
    const anchor = anchorOn(doc, 'სიმბოლური საჩუქარი დასაშვებია');
    edit(() => {
      const { node, offset } = $text('დასაშვებია');
      node.spliceText(offset, 'დასაშვებია'.length, '', false);
    });
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ state: 'anchored', text: 'სიმბოლური საჩუქარი ' });
  });

  test('an anchor from a copy that has not reached this one is "unsynced", not removed', () => {
    const { doc } = act(BLOCKS);
    const other = copyOf(doc);
    other.edit(() => ($getRoot().getChildAtIndex(1) as ElementNode).append($createTextNode(' ახალი ტექსტი')));
    const anchor = anchorOn(other.doc, 'ახალი ტექსტი');
    expect(resolveTextAnchor(doc, anchor).state).toBe('unsynced');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(doc)));
    expect(resolveTextAnchor(doc, anchor)).toMatchObject({ state: 'anchored', text: 'ახალი ტექსტი' });
  });

  test('positions from outside are decoded only when they are exactly a relative position', () => {
    const { doc } = act(BLOCKS);
    const anchor = anchorOn(doc, 'საჩუქრები');
    expect(decodePosition(anchor.start)).not.toBeNull();
    for (const bad of ['', 'not base64!', 'AAAA', `${anchor.start}AA`]) expect(decodePosition(bad), bad).toBeNull();
  });

  test('an empty or out-of-text range is refused with a sentence', () => {
    const { doc } = act(BLOCKS);
    const segment = readActText(doc).segments.find((s) => s.text.includes('საჩუქრები'))!;
    const empty = createTextAnchor(doc, { path: segment.path, offset: 2 }, { path: segment.path, offset: 2 });
    expect(empty).toEqual({ ok: false, error: 'The range is empty: select some text to comment on' });
    const nowhere = createTextAnchor(doc, { path: [99], offset: 0 }, { path: [99], offset: 3 });
    expect(nowhere.ok).toBe(false);
  });
});
