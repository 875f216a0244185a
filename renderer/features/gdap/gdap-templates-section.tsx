// Settings: the GDAP role templates (named sets of Microsoft Entra roles with a duration and auto-extend)
// used when requesting GDAP for a customer. Least-privilege presets come seeded; all are editable.
import { useEffect, useState } from 'react';
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

const blank: GdapTemplateInput = {
  name: '',
  roleDefinitionIds: [entraRoles[0].id],
  durationDays: 730,
  autoExtend: true,
  securityGroup: null,
};

export function GdapTemplatesSection() {
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
      .catch((error: unknown) => setGroups(`The security groups could not be listed: ${errorMessage(error)}`));
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
      setProblem(parsed.error.issues[0]?.message ?? 'Check the template.');
      return;
    }
    try {
      setTemplates(await call('saveGdapTemplate', { id: editing === 'new' ? null : editing, template: parsed.data }));
      setEditing(null);
      notify('success', 'GDAP role template saved.');
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
      <h2 id="gdap-templates-title">GDAP role templates</h2>
      <p>The Microsoft Entra roles requested from a customer through GDAP. Ask for the fewest roles that do the job.</p>
      <ul className="gdap-template-list">
        {templates.map((template) => (
          <li key={template.id}>
            <strong>{template.name}</strong> · {template.durationDays} days
            {template.autoExtend ? ' · auto-extend' : ''}
            <br />
            <small>{template.roleDefinitionIds.map(roleName).join(', ')}</small>
            <br />
            <small>
              {template.securityGroup
                ? `Roles go to the security group ${template.securityGroup.displayName}`
                : 'No security group: assign the roles in Partner Center once approved'}
            </small>
            <div className="button-row">
              <button type="button" onClick={() => open(template)} aria-label={`Edit ${template.name}`}>
                Edit
              </button>
              <button type="button" onClick={() => void remove(template.id)} aria-label={`Delete ${template.name}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button type="button" onClick={() => open(null)}>
          New role template
        </button>
      ) : (
        <form
          className="gdap-template-form"
          aria-label="GDAP role template"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            Template name
            <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
          </label>
          <fieldset>
            <legend>Roles</legend>
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
            Duration (days, 1 to 730)
            <input
              type="number"
              min={1}
              max={730}
              value={Number.isNaN(draft.durationDays) ? '' : draft.durationDays}
              onChange={(event) => setDraft({ ...draft, durationDays: event.target.valueAsNumber })}
            />
          </label>
          <label>
            Security group that gets these roles
            <select
              value={draft.securityGroup?.id ?? ''}
              onChange={(event) => {
                const chosen = Array.isArray(groups) ? groups.find((group) => group.id === event.target.value) : null;
                setDraft({ ...draft, securityGroup: chosen ?? null });
              }}
            >
              <option value="">None (assign in Partner Center)</option>
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
          <p className="panel-note">
            {typeof groups === 'string'
              ? groups
              : 'Once the customer approves, AuthDesk gives this group of your tenant the roles (a GDAP access assignment).'}
          </p>
          <label className="gdap-role-option">
            <input
              type="checkbox"
              checked={draft.autoExtend}
              onChange={(event) => setDraft({ ...draft, autoExtend: event.target.checked })}
            />
            Auto-extend by 6 months when it ends
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              Save template
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
