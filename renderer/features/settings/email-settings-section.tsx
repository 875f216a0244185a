// Settings › Email, as mounted in the settings view: the sending settings, then the templates.
import { EmailSmtpSettings } from './email-smtp-settings';
import { EmailTemplatesSettings } from './email-templates-settings';

export function EmailSettingsSection() {
  return (
    <>
      <EmailSmtpSettings />
      <EmailTemplatesSettings />
    </>
  );
}
