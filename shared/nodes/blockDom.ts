import { setDOMUnmanaged } from 'lexical';

/** The class of the span that shows a block's computed number ("მუხლი 3.", "2.", "ა)"). */
export const NUMBER_CLASS = 'sj-num';

/**
 * Creates a block element whose first child is an unmanaged, non-editable span for its computed number.
 * The number is written by the renderer's numbering plugin after each update, never stored in the text, so
 * renumbering is live in every client without any client writing numbers into the shared document.
 */
export function createNumberedBlockDOM(tag: string, className: string): HTMLElement {
  const dom = document.createElement(tag);
  dom.className = className;
  const num = document.createElement('span');
  num.className = NUMBER_CLASS;
  num.contentEditable = 'false';
  setDOMUnmanaged(num);
  dom.append(num);
  return dom;
}

/** The number span of a block created by {@link createNumberedBlockDOM}. */
export function numberSpanOf(dom: HTMLElement): HTMLElement | null {
  const first = dom.firstElementChild;
  return first instanceof HTMLElement && first.classList.contains(NUMBER_CLASS) ? first : null;
}
