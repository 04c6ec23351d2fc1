import type { Bilingual } from '../lang/language';
import { BROKEN_REFERENCE } from '../model/blockNumbering';
import type { BodyItem } from '../model/documentModel';
import { articleName, articleTexts, clauseName, clausesOf, placedArticles } from './actUnits';
import type { AdoptionSlot, ReadinessCheck, ReadinessProblem } from './readinessTypes';

/**
 * An empty article, paragraph or subparagraph: blocking, because an empty unit is not a norm at all and
 * its number would still be cited and published. An article with nothing in it is one problem; otherwise
 * each empty paragraph or subparagraph is one.
 */
export const checkEmptyUnits: ReadinessCheck = (model) => {
  const out: ReadinessProblem[] = [];
  for (const placed of placedArticles(model)) {
    const key = placed.article.key;
    // A removed article keeps only its number and "ამოღებულია" in a revision (issue 13, §4): not a norm to fill.
    if (placed.article.removed) continue;
    const texts = articleTexts(placed).slice(1);
    if (texts.every((t) => t.trim() === '')) {
      const name = articleName(placed);
      out.push({ code: 'empty_article', severity: 'blocking', articleKey: key, message: { ka: `${name.ka} ცარიელია: მასში დებულება არ წერია.`, en: `${name.en} is empty: it holds no provision.` } });
      continue;
    }
    for (const placedClause of clausesOf(placed)) {
      if (placedClause.clause.text.trim() !== '') continue;
      const name = clauseName(placedClause);
      const paragraph = placedClause.clause.depth === 0;
      out.push({
        code: paragraph ? 'empty_paragraph' : 'empty_subparagraph',
        severity: 'blocking',
        articleKey: key,
        message: { ka: `${name.ka} ცარიელია: ჩაწერეთ ტექსტი ან წაშალეთ ${paragraph ? 'პუნქტი' : 'ქვეპუნქტი'}.`, en: `${name.en} is empty: write its text or delete the ${paragraph ? 'paragraph' : 'subparagraph'}.` },
      });
    }
  }
  return out;
};

/** A blank ("______") or an unfilled `{{name}}` left by a template. */
const PLACEHOLDER = /_{3,}|\{\{\s*[a-zA-Z][a-zA-Z0-9]*\s*\}\}/;

/** Texts outside articles (chapter and annex headings, unnumbered text), for the placeholder check. */
function looseTexts(items: readonly BodyItem[]): string[] {
  return items.flatMap((item) => {
    if (item.kind === 'chapter') return [item.heading];
    if (item.kind === 'text') return [item.text];
    if (item.kind === 'table') return item.rows.flat();
    if (item.kind === 'clause') return [item.text];
    return [];
  });
}

/**
 * A placeholder or "______" left in the text: blocking, since the act would be published with a gap. The
 * adoption data (the act's number and date, the chairperson's name in the signature) are excepted: the
 * workflow records them at adoption and signature and writes them into the text itself (issue 13, §2), and
 * the text is frozen from adoption on, so nobody could fill them by hand. Once the workflow says it wrote a
 * slot (`facts.adoptionDataInText`), a blank left in it is a problem again.
 */
export const checkPlaceholders: ReadinessCheck = (model, facts) => {
  const checked = new Set<AdoptionSlot>(facts.adoptionDataInText ?? []);
  const out: ReadinessProblem[] = [];
  const part = (texts: readonly string[], where: Bilingual): void => {
    if (!texts.some((t) => PLACEHOLDER.test(t))) return;
    out.push({ code: 'placeholder_left', severity: 'blocking', message: { ka: `${where.ka}: შეუვსებელი ადგილი („______“) დარჩა.`, en: `${where.en}: a blank ("______") is left to fill in.` } });
  };
  const { header } = model;
  part([header.issuingBody, header.actTypeLabel, header.place, ...(checked.has('number') ? [header.number] : []), ...(checked.has('date') ? [header.date] : [])], { ka: 'აქტის რეკვიზიტები', en: 'The header of the act' });
  part([model.title], { ka: 'სათაური', en: 'The title' });
  part(model.preamble, { ka: 'პრეამბულა', en: 'The preamble' });
  part([model.enactingFormula], { ka: 'სარეზოლუციო ფორმულა', en: 'The enacting formula' });
  part(looseTexts(model.body), { ka: 'აქტის ტექსტი (მუხლების გარეთ)', en: 'The text outside the articles' });
  for (const annex of model.annexes) part([annex.heading, ...looseTexts(annex.body)], { ka: `დანართი №${annex.number}`, en: `Annex ${annex.number}` });
  if (checked.has('signature')) part(model.signature, { ka: 'ხელმოწერა', en: 'The signature' });
  for (const placed of placedArticles(model)) {
    if (!articleTexts(placed).some((t) => PLACEHOLDER.test(t))) continue;
    const name = articleName(placed);
    out.push({ code: 'placeholder_left', severity: 'blocking', articleKey: placed.article.key, message: { ka: `${name.ka}: შეუვსებელი ადგილი („______“) დარჩა.`, en: `${name.en}: a blank ("______") is left to fill in.` } });
  }
  return out;
};

/**
 * A cross-reference whose target was deleted: blocking, because the act would cite a provision that does not
 * exist. Numbering already shows such a reference as "[მითითებული დებულება წაშლილია]" (blockNumbering.ts).
 */
export const checkBrokenReferences: ReadinessCheck = (model) => {
  const broken = (t: string): boolean => t.includes(BROKEN_REFERENCE.ka) || t.includes(BROKEN_REFERENCE.en);
  const out: ReadinessProblem[] = [];
  for (const placed of placedArticles(model)) {
    if (!articleTexts(placed).some(broken)) continue;
    const name = articleName(placed);
    out.push({ code: 'broken_reference', severity: 'blocking', articleKey: placed.article.key, message: { ka: `${name.ka} მიუთითებს დებულებაზე, რომელიც წაშლილია.`, en: `${name.en} refers to a provision that has been deleted.` } });
  }
  const outside = [model.title, ...model.preamble, ...looseTexts(model.body), ...model.annexes.flatMap((a) => looseTexts(a.body))];
  if (outside.some(broken)) out.push({ code: 'broken_reference', severity: 'blocking', message: { ka: 'მუხლების გარეთ ტექსტი მიუთითებს წაშლილ დებულებაზე.', en: 'Text outside the articles refers to a provision that has been deleted.' } });
  return out;
};
