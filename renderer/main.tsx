// Renderer entry: picks the language (this desktop's choice, else the system's), then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { call } from './api/authdesk-client';
import { applyUiPreferences, i18n } from './i18n/i18n';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('AuthDesk: #root is missing from index.html');

// One quick local read before the first paint, so the window never flashes English before German.
call('getUiPreferences', {})
  .then(applyUiPreferences)
  .catch(() => undefined)
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </StrictMode>,
    );
  });
