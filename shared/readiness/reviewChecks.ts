import { allArticles } from '../model/documentModel';
import { excerpt } from './actUnits';
import type { ReadinessCheck, ReadinessProblem } from './readinessTypes';

/** "მუხლი 3" / "Article 3" of an article key, or null when the key is not an article of the act now. */
function articleLabels(model: Parameters<ReadinessCheck>[0]): Map<string, { ka: string; en: string }> {
  return new Map(allArticles(model).map((a) => [a.key, { ka: a.label.startsWith('მუხლი') ? a.label : `მუხლი ${a.number}`, en: `Article ${a.number}` }]));
}

const where = (labels: Map<string, { ka: string; en: string }>, key: string | null): { ka: string; en: string } =>
  (key ? labels.get(key) : undefined) ?? { ka: 'მუხლების გარეთ', en: 'outside the articles' };

/**
 * Open comments. A thread marked blocking, or made in public consultation, is blocking: the working group
 * must answer consultation comments, and the answer (the outcome and its reason) is what the commission reads
 * in the record. Any other open comment is a warning: it may be settled at the session.
 */
export const checkOpenComments: ReadinessCheck = (model, facts) => {
  const labels = articleLabels(model);
  return facts.openComments.map((c): ReadinessProblem => {
    const at = where(labels, c.articleKey);
    const severity = c.blocking || c.publicConsultation ? 'blocking' : 'warning';
    const kind = c.publicConsultation ? { ka: 'საჯარო განხილვის კომენტარი', en: 'public-consultation comment' } : c.blocking ? { ka: 'ბლოკირებადი კომენტარი', en: 'blocking comment' } : { ka: 'კომენტარი', en: 'comment' };
    const text = excerpt(c.text);
    return {
      code: 'open_comment',
      severity,
      ...(c.articleKey && labels.has(c.articleKey) ? { articleKey: c.articleKey } : {}),
      message: { ka: `${at.ka}: ${kind.ka} „${text}“ ღიაა — უპასუხეთ და დახურეთ.`, en: `${at.en}: the ${kind.en} "${text}" is still open: answer and resolve it.` },
    };
  });
};

/**
 * Open suggestions: a warning. The text as it stands is complete; an undecided proposal should be accepted or
 * rejected, but a coordinator may send the act on and say why.
 */
export const checkOpenSuggestions: ReadinessCheck = (model, facts) => {
  const labels = articleLabels(model);
  return facts.openSuggestions.map((s): ReadinessProblem => {
    const at = where(labels, s.articleKey);
    const text = excerpt(s.text) || '—';
    return {
      code: 'open_suggestion',
      severity: 'warning',
      ...(s.articleKey && labels.has(s.articleKey) ? { articleKey: s.articleKey } : {}),
      message: { ka: `${at.ka}: შეთავაზება „${text}“ არ არის მიღებული ან უარყოფილი.`, en: `${at.en}: the suggestion "${text}" is neither accepted nor rejected.` },
    };
  });
};

const STATUS: Readonly<Record<string, { ka: string; en: string }>> = {
  not_reviewed: { ka: 'არ არის განხილული', en: 'not reviewed' },
  changes_requested: { ka: 'მოთხოვნილია ცვლილებები', en: 'changes requested' },
  needs_rereview: { ka: 'შეიცვალა დამტკიცების შემდეგ', en: 'changed since its approval' },
};

/**
 * Articles not approved by the lawyers on their current text: blocking, because the council must receive the
 * text the legal and anti-corruption review signed off, not a later one.
 */
export const checkApprovals: ReadinessCheck = (model, facts) => {
  const labels = articleLabels(model);
  return facts.approvals
    .filter((a) => a.status !== 'approved' && labels.has(a.articleKey))
    .map((a): ReadinessProblem => {
      const at = where(labels, a.articleKey);
      const why = STATUS[a.status] ?? { ka: a.status, en: a.status };
      return { code: 'article_not_approved', severity: 'blocking', articleKey: a.articleKey, message: { ka: `${at.ka} იურისტის მიერ დამტკიცებული არ არის (${why.ka}).`, en: `${at.en} is not approved by the lawyers (${why.en}).` } };
    });
};
