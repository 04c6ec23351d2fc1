import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSession } from './connection/session';
import { initI18n } from './i18n/i18n';
import { registerOfflineShell } from './connection/offlineShell';
import { guardWindowUnload } from './connection/unsentChanges';
import './styles.css';

initI18n();
createRoot(document.getElementById('root')!).render(<App session={loadSession()} />);
registerOfflineShell();
guardWindowUnload();
