// Ctrl/Cmd+K: type to filter the commands, arrows to pick, Enter to run. A combobox over a listbox, so screen
// readers follow the highlighted command.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import type { QueueCommand } from './queue-commands';

interface CommandPaletteProps {
  open: boolean;
  commands: QueueCommand[];
  onClose: () => void;
}

export function CommandPalette({ open, commands, onClose }: CommandPaletteProps) {
  const { t } = useTranslation('queue');
  return (
    <Dialog title={t('palette.title')} open={open} onClose={onClose}>
      {open && <PaletteBody commands={commands} onClose={onClose} />}
    </Dialog>
  );
}

function PaletteBody({ commands, onClose }: { commands: QueueCommand[]; onClose: () => void }) {
  const { t } = useTranslation('queue');
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = commands.filter((command) => words.every((word) => command.label.toLowerCase().includes(word)));
  const current = Math.min(highlight, Math.max(0, matches.length - 1));
  const run = (command: QueueCommand | undefined) => {
    if (!command) return;
    onClose();
    // After the dialog has closed, so focus and the next dialog behave.
    setTimeout(command.run, 0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setHighlight((current + 1) % Math.max(1, matches.length));
    else if (event.key === 'ArrowUp') setHighlight((current - 1 + matches.length) % Math.max(1, matches.length));
    else if (event.key === 'Enter') run(matches[current]);
    else return;
    event.preventDefault();
  };
  return (
    <div className="palette">
      <input
        role="combobox"
        aria-label={t('palette.input')}
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[current] ? `palette-${matches[current].id}` : undefined}
        placeholder={t('palette.placeholder')}
        value={text}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" aria-label={t('palette.list')} className="palette-list">
        {matches.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={index === current}
            onMouseEnter={() => setHighlight(index)}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.key && <kbd>{command.key}</kbd>}
          </li>
        ))}
        {matches.length === 0 && (
          <li role="option" aria-selected="false" aria-disabled="true" className="palette-empty">
            {t('palette.noMatch')}
          </li>
        )}
      </ul>
    </div>
  );
}
