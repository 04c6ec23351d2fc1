import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import type { Session } from './connection/session';
import { SessionContext } from './connection/SessionContext';
import { DocumentListPage } from './documents/DocumentListPage';
import { DocumentPage } from './editor/DocumentPage';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { NamePrompt } from './ui/NamePrompt';
import { useUserIdentity } from './ui/userIdentity';
import { DashboardPage } from './workflow/DashboardPage';
import { MembersLink } from './members/MembersLink';
import { MembersPage } from './members/MembersPage';
import { InvalidTokenNotice } from './members/InvalidTokenNotice';
import { MemberNameSync } from './members/MemberNameSync';
import { useState } from 'react';

/** The app shell: top bar with the language switch, and the two pages. */
export function App({ session }: { session: Session | null }) {
  const { t } = useTranslation();
  const identity = useUserIdentity();
  const [renaming, setRenaming] = useState(false);
  return (
    <div className="sj-app">
      <header className="sj-topbar">
        <Link href="/" className="sj-brand">
          <strong>{t('app.name')}</strong> <span>{t('app.tagline')}</span>
        </Link>
        {session ? (
          <nav className="sj-nav">
            <Link href="/" className={(active) => (active ? 'sj-nav-active' : '')}>
              {t('dashboard.actsLink')}
            </Link>
            <Link href="/dashboard" className={(active) => (active ? 'sj-nav-active' : '')} data-nav="dashboard">
              {t('dashboard.link')}
            </Link>
            <MembersLink session={session} />
          </nav>
        ) : null}
        {session && identity.name ? (
          <button type="button" className="sj-link-button sj-my-name" onClick={() => setRenaming(true)} title={t('name.change')} data-action="my-name">
            {identity.name}
          </button>
        ) : null}
        <LanguageSwitch />
      </header>
      {session ? (
        <SessionContext.Provider value={session}>
          <InvalidTokenNotice session={session} />
          <Switch>
            <Route path="/dashboard">
              <DashboardPage />
            </Route>
            <Route path="/members">
              <MembersPage />
            </Route>
            <Route path="/documents/:id">{(params) => <DocumentPage docId={params.id} />}</Route>
            <Route>
              <DocumentListPage />
            </Route>
          </Switch>
          <MemberNameSync session={session} />
          {identity.name ? null : <NamePrompt />}
          {renaming && identity.name ? <NamePrompt initial={identity.name} onClose={() => setRenaming(false)} /> : null}
        </SessionContext.Provider>
      ) : (
        <p className="sj-error" role="alert">
          {t('auth.missing')}
        </p>
      )}
    </div>
  );
}
