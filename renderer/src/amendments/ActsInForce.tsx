import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ActInForce } from '../../../shared/api/amendments';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

/** The dashboard's list of acts in force, each with its current edition and its open revisions (issue 13, §4). */
export function ActsInForce({ session, refresh }: { session: Session; refresh: number }) {
  const { t } = useTranslation();
  const [acts, setActs] = useState<readonly ActInForce[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    apiFetch<{ acts: ActInForce[] }>(session, '/api/acts-in-force')
      .then((r) => !cancelled && setActs(r.acts))
      .catch(() => !cancelled && setActs([]));
    return () => {
      cancelled = true;
    };
  }, [session, refresh]);
  if (acts === null) return null;
  return (
    <section className="sj-acts-in-force" data-panel="acts-in-force">
      <h2>{t('amendments.actsInForce')}</h2>
      {acts.length === 0 ? <p className="sj-muted">{t('amendments.noActsInForce')}</p> : null}
      <ul>
        {acts.map((act) => (
          <li key={act.id} data-doc-id={act.id}>
            <Link href={`/documents/${act.id}`}>{act.title}</Link> — {t('amendments.edition', { number: act.edition })}, {t('amendments.inForceFrom', { date: act.inForceFrom })}
            {act.repealedBy ? <span className="sj-badge">{t('amendments.repealed')}</span> : null}
            {act.openRevisions.length ? (
              <ul>
                {act.openRevisions.map((r) => (
                  <li key={r.id}>
                    <Link href={`/documents/${r.id}`}>{r.title}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
