// Short notices after actions ("Link copied"), announced politely to screen readers.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';

export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span title={notice.text}>{notice.text}</span>
          <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
