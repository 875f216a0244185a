// "?": the keyboard shortcuts, from the same command list the key handler uses.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import type { QueueCommand } from './queue-commands';

// The keys of the list itself (not commands), as the keyboards of each language name them.
const listKeys = ['palette', 'move', 'jump', 'tick', 'close'] as const;

export function ShortcutHelp({
  open,
  commands,
  onClose,
}: {
  open: boolean;
  commands: QueueCommand[];
  onClose: () => void;
}) {
  const { t } = useTranslation('queue');
  const keyed = commands.filter((command) => command.key !== undefined);
  const listed = listKeys.map((name) => ({ key: t(`shortcuts.${name}Key`), label: t(`shortcuts.${name}`) }));
  return (
    <Dialog title={t('shortcuts.title')} open={open} onClose={onClose}>
      <dl className="shortcut-list">
        {[...listed, ...keyed.map((command) => ({ key: command.key ?? '', label: command.label }))].map((entry) => (
          <div key={entry.label}>
            <dt>
              <kbd>{entry.key}</kbd>
            </dt>
            <dd>{entry.label}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
