import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { membersApi } from './membersApi';

/**
 * Says plainly when the remembered invitation no longer works (the coordinator revoked it), instead of
 * every page failing with the server's sentence about bearer tokens.
 */
export function InvalidTokenNotice({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    let cancelled = false;
    membersApi.me(session).then(
      () => !cancelled && setRefused(false),
      (e: unknown) => !cancelled && setRefused(e instanceof ApiError && e.status === 401),
    );
    return () => {
      cancelled = true;
    };
  }, [session]);
  return refused ? (
    <p className="sj-error" role="alert" data-notice="invalid-token">
      {t('auth.invalid')}
    </p>
  ) : null;
}
