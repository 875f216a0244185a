// Help › Keyboard shortcuts: the queue's single-key commands, read from the same command list the queue's key
// handler, palette and "?" help use (never a copy of it), and that "?" help itself for the full list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queueCommands } from '../queue/queue-commands';
import { ShortcutHelp } from '../queue/shortcut-help';

export function HelpShortcuts() {
  const { t } = useTranslation('help');
  const [open, setOpen] = useState(false);
  // Built on every render (a short list), so its labels follow a change of language.
  const commands = queueCommands([], () => setOpen(true));
  const keyed = commands.filter((command) => command.key !== undefined);
  return (
    <section className="panel" aria-labelledby="help-shortcuts-title">
      <h2 id="help-shortcuts-title">{t('shortcuts.title')}</h2>
      <p className="panel-note">{t('shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {keyed.map((command) => (
          <div key={command.id}>
            <dt>
              <kbd>{command.key}</kbd>
            </dt>
            <dd>{command.label}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <button type="button" onClick={() => setOpen(true)}>
          {t('shortcuts.all')}
        </button>
      </div>
      <ShortcutHelp open={open} commands={commands} onClose={() => setOpen(false)} />
    </section>
  );
}
