// "?": the keyboard shortcuts, from the same command list the key handler uses.
import { Dialog } from '../../components/dialog';
import type { QueueCommand } from './queue-commands';

const listKeys = [
  { key: 'Ctrl/⌘ K', label: 'Command palette' },
  { key: '↑ ↓', label: 'Move through the queue (opens the customer)' },
  { key: 'Page Up/Down, Home, End', label: 'Jump through the queue' },
  { key: 'Space', label: 'Tick the customer (Shift for a range)' },
  { key: 'Esc', label: 'Close the dialog' },
];

export function ShortcutHelp({
  open,
  commands,
  onClose,
}: {
  open: boolean;
  commands: QueueCommand[];
  onClose: () => void;
}) {
  const keyed = commands.filter((command) => command.key !== undefined);
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <dl className="shortcut-list">
        {[...listKeys, ...keyed.map((command) => ({ key: command.key ?? '', label: command.label }))].map((entry) => (
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
