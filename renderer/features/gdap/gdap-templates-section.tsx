// Settings: the GDAP role templates (named sets of Microsoft Entra roles with a duration and auto-extend)
// used when requesting GDAP for a customer. Least-privilege presets come seeded; all are editable.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  entraRoles,
  gdapTemplateInputSchema,
  roleName,
  type GdapSecurityGroup,
  type GdapTemplate,
  type GdapTemplateInput,
} from '../../../shared/domain/gdap';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import './gdap.css';
import { translateMessage } from '../../i18n/translate-message';

const blank: GdapTemplateInput = {
  name: '',
  roleDefinitionIds: [entraRoles[0].id],
  durationDays: 730,
  autoExtend: true,
  securityGroup: null,
};

export function GdapTemplatesSection() {
  const { t } = useTranslation('gdap');
  const notify = useAppStore((state) => state.notify);
  const [templates, setTemplates] = useState<GdapTemplate[]>([]);
  // null: nothing open; 'new' or a template id: the form edits that.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [draft, setDraft] = useState<GdapTemplateInput>(blank);
  const [problem, setProblem] = useState<string | null>(null);
  // The partner's security groups, read when a form opens; the message when Graph could not list them.
  const [groups, setGroups] = useState<GdapSecurityGroup[] | string | null>(null);

  useEffect(() => {
    call('listGdapTemplates', {})
      .then(setTemplates)
      .catch((error: unknown) => notify('error', errorMessage(error)));
  }, [notify]);

  const open = (template: GdapTemplate | null) => {
    setProblem(null);
    setEditing(template ? template.id : 'new');
    call('listGdapSecurityGroups', {})
      .then(setGroups)
      .catch((error: unknown) => setGroups(t('templates.groupsFailed', { error: errorMessage(error) })));
    setDraft(
      template
        ? {
            name: template.name,
            roleDefinitionIds: template.roleDefinitionIds,
            durationDays: template.durationDays,
            autoExtend: template.autoExtend,
            securityGroup: template.securityGroup,
          }
        : blank,
    );
  };

  const toggleRole = (id: string, on: boolean) => {
    // A changed choice of roles answers the last complaint about them.
    setProblem(null);
    setDraft((current) => ({
      ...current,
      roleDefinitionIds: on
        ? [...current.roleDefinitionIds, id]
        : current.roleDefinitionIds.filter((roleId) => roleId !== id),
    }));
  };

  const save = async () => {
    const parsed = gdapTemplateInputSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(translateMessage(parsed.error.issues[0]?.message) ?? t('templates.checkTemplate'));
      return;
    }
    try {
      setTemplates(await call('saveGdapTemplate', { id: editing === 'new' ? null : editing, template: parsed.data }));
      setEditing(null);
      notify('success', t('templates.saved'));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const remove = async (id: number) => {
    try {
      setTemplates(await call('deleteGdapTemplate', { id }));
      if (editing === id) setEditing(null);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="gdap-templates-title">
      <h2 id="gdap-templates-title">{t('templates.title')}</h2>
      <p>{t('templates.intro')}</p>
      <ul className="gdap-template-list">
        {templates.map((template) => (
          <li key={template.id}>
            <strong>{template.name}</strong> · {t('templates.days', { count: template.durationDays })}
            {template.autoExtend && (
              <>
                {' · '}
                {t('templates.autoExtend')}
              </>
            )}
            <br />
            <small>{template.roleDefinitionIds.map(roleName).join(', ')}</small>
            <br />
            <small>
              {template.securityGroup
                ? t('templates.groupGetsRoles', { group: template.securityGroup.displayName })
                : t('templates.noGroup')}
            </small>
            <div className="button-row">
              <button
                type="button"
                onClick={() => open(template)}
                aria-label={t('templates.editLabel', { name: template.name })}
              >
                {t('templates.edit')}
              </button>
              <button
                type="button"
                onClick={() => void remove(template.id)}
                aria-label={t('templates.deleteLabel', { name: template.name })}
              >
                {t('templates.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" onClick={() => open(null)}>
          {t('templates.new')}
        </button>
      ) : (
        <form
          className="gdap-template-form"
          aria-label={t('templates.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            {t('templates.name')}
            <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
          </label>
          <fieldset>
            <legend>{t('templates.roles')}</legend>
            {entraRoles.map((role) => (
              <label key={role.id} className="gdap-role-option">
                <input
                  type="checkbox"
                  checked={draft.roleDefinitionIds.includes(role.id)}
                  onChange={(event) => toggleRole(role.id, event.target.checked)}
                />
                {role.name}
              </label>
            ))}
          </fieldset>
          <label>
            {t('templates.duration')}
            <input
              type="number"
              min={1}
              max={730}
              value={Number.isNaN(draft.durationDays) ? '' : draft.durationDays}
              onChange={(event) => setDraft({ ...draft, durationDays: event.target.valueAsNumber })}
            />
          </label>
          <label>
            {t('templates.group')}
            <select
              value={draft.securityGroup?.id ?? ''}
              onChange={(event) => {
                const chosen = Array.isArray(groups) ? groups.find((group) => group.id === event.target.value) : null;
                setDraft({ ...draft, securityGroup: chosen ?? null });
              }}
            >
              <option value="">{t('templates.noGroupOption')}</option>
              {draft.securityGroup &&
                !(Array.isArray(groups) && groups.some((g) => g.id === draft.securityGroup?.id)) && (
                  <option value={draft.securityGroup.id}>{draft.securityGroup.displayName}</option>
                )}
              {Array.isArray(groups) &&
                groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.displayName}
                  </option>
                ))}
            </select>
          </label>
          <p className="panel-note">{typeof groups === 'string' ? groups : t('templates.groupNote')}</p>
          <label className="gdap-role-option">
            <input
              type="checkbox"
              checked={draft.autoExtend}
              onChange={(event) => setDraft({ ...draft, autoExtend: event.target.checked })}
            />
            {t('templates.autoExtendOption')}
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              {t('templates.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('templates.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
