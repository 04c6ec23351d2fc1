/*
 * A tiny XML writer, enough for the parts the exporters write by hand. It escapes every text and attribute
 * and drops the characters XML 1.0 forbids, so text pasted into the editor cannot make a file unreadable.
 */

/** An element: its name, attributes (undefined ones are left out) and children. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlNode[];
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string;

// XML 1.0 §2.2: control characters other than tab, newline and return, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An element; `children` that are null or undefined are skipped, so optional parts read inline. */
export function el(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly (
    XmlNode | null | undefined | false | readonly (XmlNode | null | undefined | false)[]
  )[]
): XmlElement {
  const flat = children.flat().filter((c): c is XmlNode => c !== null && c !== undefined && c !== false);
  return { name, attributes, children: flat };
}

/**
 * The XML text of a document: declaration, then the root indented two spaces a level. An element holding
 * text, or named in `inline` (such as <p>), is written on one line with all it holds, so no whitespace is
 * added inside mixed content.
 */
export function serializeXml(root: XmlElement, inline: ReadonlySet<string> = new Set()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, '', inline)}\n`;
}

function serialize(node: XmlNode, indent: string, inline: ReadonlySet<string> | null): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  // `inline` null means we are inside mixed content already.
  if (inline === null || inline.has(node.name) || node.children.some((c) => typeof c === 'string')) {
    return `${indent}<${node.name}${attrs}>${node.children.map((c) => serialize(c, '', null)).join('')}</${node.name}>`;
  }
  const inner = node.children.map((c) => serialize(c, `${indent}  `, inline)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}
