import { Document, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { ArticleModel, BodyItem, DocumentModel } from '../../../shared/model/documentModel';
import { allArticles } from '../../../shared/model/documentModel';
import { diffText, type ArticleDiff, type DiffPart, type ModelDiff } from '../../../shared/model/diffModels';
import { renderItem } from '../../../shared/model/plainText';
import { corePropertiesXml, GENERATOR } from './coreProperties';
import { bodyBlocks, type Block } from './layout';
import { actStyles, CLAUSE_INDENT, DEEPER_CLAUSE_STEP, PAGE, STYLE } from './styles';
import { createRevisions, partRun, trackedParagraphs, type LineLayout, type Revisions } from './trackedRuns';

/** What the tracked-changes export needs: both texts, their comparison with authors, and how to name it. */
export interface TrackedComparison {
  readonly from: DocumentModel;
  readonly to: DocumentModel;
  /** diffModels(from, to), its parts attributed where the history tells (attributeDiff). */
  readonly diff: ModelDiff;
  /** Attributes the parts of a piece of the frame (title, preamble, …), in document order. */
  readonly attributeFrame?: (parts: readonly DiffPart[]) => readonly DiffPart[];
  /** "Version 2 → now", for the file's properties. */
  readonly description: string;
  readonly exportedAt: string;
}

/**
 * A comparison of two versions of an act as a Word document in which every change is a real tracked
 * change (`w:ins` / `w:del`, with the author's name and the time): the newer act laid out as the act
 * export lays it out, with what the older one had shown deleted and what is new shown inserted, so a
 * lawyer accepts or rejects each change in Word or LibreOffice (issue 12). Accepting all gives the newer
 * text; rejecting all, the older.
 */
export async function exportTrackedDocx(comparison: TrackedComparison): Promise<Uint8Array> {
  const { from, to, diff } = comparison;
  const revisions = createRevisions(comparison.exportedAt);
  const attributeFrame = comparison.attributeFrame ?? ((parts) => parts);
  const field = (older: string, newer: string, style: string): Paragraph[] => {
    if (!older.trim() && !newer.trim()) return [];
    const layout = { style };
    return trackedParagraphs(attributeFrame(diffText(older, newer)), { older: () => layout, newer: () => layout }, revisions);
  };
  const [a, b] = [from.header, to.header];
  const blocks: Block[] = [
    ...field(a.issuingBody, b.issuingBody, STYLE.actHeader),
    ...field(a.actTypeLabel, b.actTypeLabel, STYLE.actType),
    ...field(a.number, b.number, STYLE.actMeta),
    ...field([a.date, a.place].filter(Boolean).join('\t'), [b.date, b.place].filter(Boolean).join('\t'), STYLE.actMeta),
    ...field(from.title, to.title, STYLE.title),
    ...field(from.preamble.join('\n'), to.preamble.join('\n'), STYLE.preamble),
    ...field(from.enactingFormula, to.enactingFormula, STYLE.enactingFormula),
  ];

  const articles = new Articles(from, to, diff.articles);
  const fromChapters = new Map([...from.body, ...from.annexes.flatMap((x) => x.body)].filter((i) => i.kind === 'chapter').map((c) => [c.key, c]));
  const body = (items: readonly BodyItem[]): Block[] =>
    items.flatMap((item): Block[] => {
      if (item.kind === 'article') return articles.render(item.key, revisions);
      if (item.kind !== 'chapter') return bodyBlocks([item]);
      const old = fromChapters.get(item.key);
      return field(old ? labelled(old.label, old.heading) : '', labelled(item.label, item.heading), STYLE.chapter);
    });
  blocks.push(...articles.renderDeletedAfter(null, revisions), ...body(to.body));
  blocks.push(...field(from.signature.join('\n'), to.signature.join('\n'), STYLE.signature));
  const fromAnnexes = new Map(from.annexes.map((x) => [x.key, x]));
  for (const annex of to.annexes) {
    const old = fromAnnexes.get(annex.key);
    const label = trackedParagraphs(attributeFrame(diffText(old?.label ?? '', annex.label)), sameLayout({ style: STYLE.annexLabel, pageBreakBefore: true }), revisions);
    blocks.push(...label, ...field(old?.heading ?? '', annex.heading, STYLE.annexHeading), ...body(annex.body));
  }

  const document = new Document({
    title: to.title.trim() || to.header.actTypeLabel,
    description: comparison.description,
    creator: GENERATOR,
    lastModifiedBy: GENERATOR,
    styles: actStyles(to.language),
    // Edits the lawyer makes in the file are tracked as well.
    features: { trackRevisions: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.headerFooter, footer: PAGE.headerFooter },
          },
        },
        children: blocks,
      },
    ],
  });
  const core = corePropertiesXml({ title: to.title || to.header.actTypeLabel, language: to.language, description: comparison.description, exportedAt: comparison.exportedAt });
  return Packer.pack(document, 'uint8array', false, [core]);
}

function labelled(label: string, heading: string): string {
  return heading.trim() ? `${label}. ${heading}` : label;
}

function sameLayout(layout: LineLayout) {
  return { older: () => layout, newer: () => layout };
}

/** The articles of the comparison by key, each rendered once, deleted ones after the article they followed. */
class Articles {
  private readonly byToKey = new Map<string, ArticleDiff>();
  /** Deleted articles after the key of the surviving article before them (null: before every article). */
  private readonly deletedAfter = new Map<string | null, ArticleDiff[]>();
  private readonly fromByKey: Map<string, ArticleModel>;
  private readonly toByKey: Map<string, ArticleModel>;

  constructor(from: DocumentModel, to: DocumentModel, diffs: readonly ArticleDiff[]) {
    this.fromByKey = new Map(allArticles(from).map((a) => [a.key, a]));
    this.toByKey = new Map(allArticles(to).map((a) => [a.key, a]));
    let previous: string | null = null;
    for (const diff of diffs) {
      if (diff.toKey === null) this.deletedAfter.set(previous, [...(this.deletedAfter.get(previous) ?? []), diff]);
      else {
        this.byToKey.set(diff.toKey, diff);
        previous = diff.toKey;
      }
    }
  }

  render(toKey: string, revisions: Revisions): Paragraph[] {
    const diff = this.byToKey.get(toKey);
    return [...(diff ? this.paragraphs(diff, revisions) : []), ...this.renderDeletedAfter(toKey, revisions)];
  }

  renderDeletedAfter(toKey: string | null, revisions: Revisions): Paragraph[] {
    return (this.deletedAfter.get(toKey) ?? []).flatMap((diff) => this.paragraphs(diff, revisions));
  }

  private paragraphs(diff: ArticleDiff, revisions: Revisions): Paragraph[] {
    const older = diff.fromKey ? this.fromByKey.get(diff.fromKey) : undefined;
    const newer = diff.toKey ? this.toByKey.get(diff.toKey) : undefined;
    const end = diff.status === 'inserted' ? 'insert' : diff.status === 'deleted' ? 'delete' : 'equal';
    const [olderLayouts, newerLayouts] = [lineLayouts(older), lineLayouts(newer)];
    return trackedParagraphs(
      diff.parts,
      { older: (line) => olderLayouts[line] ?? { style: STYLE.text }, newer: (line) => newerLayouts[line] ?? { style: STYLE.text } },
      revisions,
      { end, prefix: labelRuns(diff, revisions) },
    );
  }
}

/** The article's label in front of its heading; a new number is a change of its own, by nobody in particular. */
function labelRuns(diff: ArticleDiff, revisions: Revisions): ParagraphChild[] {
  const first = diff.parts.find((p) => p.kind !== 'equal') ?? {};
  if (diff.status === 'inserted') return [partRun('insert', `${diff.toLabel}. `, first, revisions)];
  if (diff.status === 'deleted') return [partRun('delete', `${diff.fromLabel}. `, first, revisions)];
  if (diff.fromLabel === diff.toLabel) return [new TextRun({ text: `${diff.toLabel}. ` })];
  return [partRun('delete', diff.fromLabel ?? '', {}, revisions), partRun('insert', diff.toLabel ?? '', {}, revisions), new TextRun({ text: '. ' })];
}

/** The layout of each line of an article's compared text (diffModels' articleText): heading, then its items. */
function lineLayouts(article: ArticleModel | undefined): LineLayout[] {
  if (!article) return [];
  const layouts: LineLayout[] = [];
  const push = (layout: LineLayout, text: string) => {
    for (let i = 0; i < text.split('\n').length; i += 1) layouts.push(layout);
  };
  push({ style: STYLE.article }, article.heading);
  const visit = (item: ArticleModel['content'][number]) => {
    const lines: string[] = [];
    if (item.kind === 'clause') {
      const styled = CLAUSE_INDENT[Math.min(item.depth, CLAUSE_INDENT.length - 1)] ?? CLAUSE_INDENT[0];
      const extra = Math.max(0, item.depth - (CLAUSE_INDENT.length - 1)) * DEEPER_CLAUSE_STEP;
      push({ style: styled.style, ...(extra > 0 ? { indent: { left: styled.left + extra, hanging: styled.hanging } } : {}) }, `${item.label} ${item.text}`);
      item.children.forEach(visit);
      return;
    }
    renderItem(item, lines);
    for (const line of lines) push({ style: item.kind === 'table' ? STYLE.tableText : STYLE.text }, line);
  };
  article.content.forEach(visit);
  return layouts;
}
