import { describe, expect, test } from 'vitest';
import { deleteBackward, deleteForward, insertText, isNoChange, startChange, touches, unitBefore, widenTo } from './pendingChange';

const BLOCK = 'საჩუქრის მიღება აკრძალულია.';

describe('a change typed in suggesting mode', () => {
  test('typing at a caret is an insertion with an empty quote', () => {
    let c = startChange(3, BLOCK, 9, 9);
    c = insertText(c, 'ყოველგვარი ');
    expect(c).toMatchObject({ top: 3, start: 9, end: 9, quote: '', text: 'ყოველგვარი ', caret: 11 });
    expect(isNoChange(c)).toBe(false);
  });

  test('Backspace removes typed text first, then strikes the text before the change', () => {
    let c = insertText(startChange(0, BLOCK, 9, 9), 'ab');
    c = deleteBackward(c, BLOCK, 'character');
    expect(c.text).toBe('a');
    c = deleteBackward(deleteBackward(c, BLOCK, 'character'), BLOCK, 'character');
    expect(c).toMatchObject({ text: '', start: 8, end: 9, quote: ' ' });
    c = deleteBackward(c, BLOCK, 'word');
    expect(c.quote).toBe('საჩუქრის ');
    expect(c.start).toBe(0);
    // Nothing before the block's start: the change stays as it is.
    expect(deleteBackward(c, BLOCK, 'character')).toMatchObject({ start: 0, quote: 'საჩუქრის ' });
  });

  test('Delete strikes forward once no typed text is after the caret', () => {
    let c = startChange(0, BLOCK, 9, 9);
    c = deleteForward(c, BLOCK, 'word');
    expect(c).toMatchObject({ start: 9, end: 15, quote: 'მიღება' });
    c = insertText(c, 'გაცემა');
    expect(c).toMatchObject({ quote: 'მიღება', text: 'გაცემა' });
  });

  test('typing the struck text back is no change at all', () => {
    let c = deleteBackward(startChange(0, BLOCK, 9, 9), BLOCK, 'character');
    expect(isNoChange(c)).toBe(false);
    c = insertText(c, ' ');
    expect(isNoChange(c)).toBe(true);
  });

  test('Enter makes a new block; its kind goes with its break, and deleting the break forgets it', () => {
    let c = startChange(0, BLOCK, BLOCK.length, BLOCK.length);
    c = insertText(c, '\n', { type: 'article' });
    c = insertText(c, 'თანამდებობის შეთავსება');
    c = insertText(c, '\n');
    c = insertText(c, 'აკრძალულია.');
    expect(c.text).toBe('\nთანამდებობის შეთავსება\nაკრძალულია.');
    expect(c.newBlocks).toEqual([{ type: 'article' }, null]);
    c = deleteBackward(c, BLOCK, 'line');
    expect(c.text).toBe('\nთანამდებობის შეთავსება\n');
    c = deleteBackward(c, BLOCK, 'character');
    expect(c.newBlocks).toEqual([{ type: 'article' }]);
  });

  test('a pasted Windows line end is one break', () => {
    const c = insertText(startChange(0, BLOCK, 0, 0), 'ა\r\nბ');
    expect(c.text).toBe('ა\nბ');
    expect(c.newBlocks).toEqual([null]);
  });

  test('typing over a selection that covers the change replaces its typed text too', () => {
    let c = insertText(startChange(0, BLOCK, 9, 15), 'გაცემა');
    expect(touches(c, 0, 5, 20)).toBe(true);
    expect(touches(c, 1, 9)).toBe(false);
    c = widenTo(c, BLOCK, 0, 16);
    expect(c).toMatchObject({ start: 0, end: 16, quote: 'საჩუქრის მიღება ', text: '', caret: 0 });
    const partial = widenTo(insertText(startChange(0, BLOCK, 9, 15), 'გაცემა'), BLOCK, 12, 27);
    expect(partial).toMatchObject({ start: 9, end: 27, text: 'გაცემა' });
  });

  test('a word backwards skips the spaces before it', () => {
    expect(unitBefore('ab  cd  ', 8, 'word')).toBe(4);
    expect(unitBefore('ab', 0, 'word')).toBe(0);
  });
});
