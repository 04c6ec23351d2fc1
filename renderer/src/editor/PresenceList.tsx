import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';

interface Person {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

/** Who is in the document now, from the awareness states the collaboration plugin publishes. */
export function PresenceList({ provider }: { provider: WebsocketProvider | null }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const update = () => {
      const list: Person[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const name = typeof state.name === 'string' ? state.name : '';
        if (name) list.push({ clientId, name, color: typeof state.color === 'string' ? state.color : '#888' });
      });
      setPeople(list.sort((a, b) => a.name.localeCompare(b.name)));
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [provider]);
  return (
    <section className="sj-presence" aria-label={t('presence.here')}>
      <h3>{t('presence.here')}</h3>
      <ul>
        {people.map((p) => (
          <li key={p.clientId} data-name={p.name}>
            <span className="sj-avatar" style={{ background: p.color }}>
              {p.name.slice(0, 1)}
            </span>
            {p.name}
            {p.clientId === provider?.awareness.clientID ? ` (${t('presence.you')})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
