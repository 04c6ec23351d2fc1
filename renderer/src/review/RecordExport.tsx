import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../connection/session';
import { reviewApi } from './reviewApi';
import { errorText } from '../errors/errorText';

/** The file name the server gave an export, from its Content-Disposition. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/** Downloads the "comments and responses" record of the current text as .docx or CSV. */
export function RecordExport({ session, docId }: { session: Session; docId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'csv' | 'docx'): Promise<void> => {
    setError(null);
    try {
      const response = await fetch(reviewApi.exportUrl(session, docId, format), { headers: { Authorization: `Bearer ${session.token}` } });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const data = new Uint8Array(await response.arrayBuffer());
      const name = fileNameOf(response, `comments.${format}`);
      const desktop = window.sajaroDesktop;
      if (desktop) {
        await desktop.saveFile({ defaultPath: name, data });
        return;
      }
      const url = URL.createObjectURL(new Blob([data]));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <div className="sj-record-export">
      <button className="sj-small-button" onClick={() => void download('docx')}>
        {t('review.exportDocx')}
      </button>
      <button className="sj-small-button" onClick={() => void download('csv')}>
        {t('review.exportCsv')}
      </button>
      {error ? <div className="sj-error sj-small">{t('errors.generic', { message: error })}</div> : null}
    </div>
  );
}
