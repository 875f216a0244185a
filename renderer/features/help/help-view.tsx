// Help: how AuthDesk's flow goes (add → link → send → verify → checkout), what each status means and what to
// do next, the keyboard shortcuts (the queue's own list), troubleshooting for what goes wrong most often, and
// the diagnostics support asks for. Reached from the header's Help and from Settings.
import { useTranslation } from 'react-i18next';
import { customerStatuses, isReadOnly } from '../../../shared/domain/customer-status';
import { StatusBadge } from '../../components/status-badge';
import { useAppStore } from '../../store/app-store';
import { HelpSection } from '../settings/help-section';
import { HelpShortcuts } from './help-shortcuts';
import '../../styles/connect.css';

const flowSteps = ['add', 'link', 'send', 'verify', 'checkout'] as const;
const troubleshootingTopics = [
  'connect',
  'notFound',
  'reseller',
  'gdap',
  'throttled',
  'email',
  'keychain',
  'signIn',
] as const;

export function HelpView() {
  const { t } = useTranslation('help');
  const { t: domain } = useTranslation('domain');
  const setView = useAppStore((state) => state.setView);

  const openConnectionGuide = () => {
    setView('settings');
    // Settings renders on the next frame; then bring the guide into view.
    requestAnimationFrame(() => document.getElementById('sign-in-title')?.scrollIntoView({ block: 'start' }));
  };

  return (
    <div className="settings help-view">
      <h1>{t('title')}</h1>
      <p className="panel-note">{t('intro')}</p>

      <section className="panel" aria-labelledby="help-flow-title">
        <h2 id="help-flow-title">{t('flow.title')}</h2>
        <ol className="help-flow">
          {flowSteps.map((step) => (
            <li key={step}>
              <strong>{t(`flow.${step}.title`)}</strong> {t(`flow.${step}.body`)}
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="help-statuses-title">
        <h2 id="help-statuses-title">{t('statuses.title')}</h2>
        <dl className="help-statuses">
          {customerStatuses.map((status) => (
            <div key={status}>
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd>
                {t(`statuses.${status}`)}
                {!isReadOnly(status) && (
                  <>
                    {' '}
                    <span className="help-next-step">{t('statuses.next', { step: domain(`nextStep.${status}`) })}</span>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <HelpShortcuts />

      <section className="panel" aria-labelledby="help-troubleshooting-title">
        <h2 id="help-troubleshooting-title">{t('troubleshooting.title')}</h2>
        {troubleshootingTopics.map((topic) => (
          <div key={topic} className="help-topic">
            <h3>{t(`troubleshooting.${topic}.title`)}</h3>
            <p>{t(`troubleshooting.${topic}.body`)}</p>
            {topic === 'connect' && (
              <button type="button" onClick={openConnectionGuide}>
                {t('troubleshooting.connect.open')}
              </button>
            )}
          </div>
        ))}
      </section>

      <HelpSection />
    </div>
  );
}
