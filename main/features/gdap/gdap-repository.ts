// SQLite storage for GDAP: the role templates and each customer's relationship as last read from Graph.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  displayStatus,
  gdapAccessAssignmentSchema,
  gdapTemplateSchema,
  type GdapRelationship,
  type GdapTemplate,
  type GdapTemplateInput,
} from '../../../shared/domain/gdap';
import { invitationLink } from '../../microsoft/graph/graph-types';
import { addDays } from '../../../shared/domain/gdap-duration';
import { statementCache } from '../../platform/db/statement-cache';

// Microsoft expires a request nobody answered after 90 days.
export const requestExpiryDays = 90;

interface TemplateRow {
  id: number;
  name: string;
  role_definition_ids: string;
  duration_days: number;
  auto_extend: number;
  preset: number;
  updated_at: string;
  security_group_id: string | null;
  security_group_name: string | null;
}

interface RelationshipRow {
  customer_id: string;
  relationship_id: string;
  display_name: string;
  template_name: string;
  role_definition_ids: string;
  duration: string;
  auto_extend: number;
  graph_status: string;
  created_at: string;
  activated_at: string | null;
  ends_at: string | null;
  checked_at: string;
  security_group_id: string | null;
  security_group_name: string | null;
  access_assignments: string;
}

const groupOf = (id: string | null, name: string | null) => (id === null ? null : { id, displayName: name ?? id });

const idList = z.array(z.string());

const statements = statementCache((db) => ({
  templates: db.prepare<[], TemplateRow>('SELECT * FROM gdap_role_templates ORDER BY name COLLATE NOCASE'),
  template: db.prepare<{ id: number }, TemplateRow>('SELECT * FROM gdap_role_templates WHERE id = @id'),
  insertTemplate: db.prepare<Record<string, unknown>, { id: number }>(
    `INSERT INTO gdap_role_templates (name, role_definition_ids, duration_days, auto_extend, preset, updated_at,
       security_group_id, security_group_name)
     VALUES (@name, @roles, @days, @autoExtend, 0, @at, @groupId, @groupName) RETURNING id`,
  ),
  updateTemplate: db.prepare<Record<string, unknown>>(
    `UPDATE gdap_role_templates SET name = @name, role_definition_ids = @roles, duration_days = @days,
     auto_extend = @autoExtend, updated_at = @at, security_group_id = @groupId, security_group_name = @groupName
     WHERE id = @id`,
  ),
  deleteTemplate: db.prepare<{ id: number }>('DELETE FROM gdap_role_templates WHERE id = @id'),
  relationship: db.prepare<{ customerId: string }, RelationshipRow>(
    'SELECT * FROM gdap_relationships WHERE customer_id = @customerId',
  ),
  displayNameTaken: db.prepare<{ name: string; customerId: string }, { n: number }>(
    'SELECT COUNT(*) AS n FROM gdap_relationships WHERE display_name = @name COLLATE NOCASE AND customer_id <> @customerId',
  ),
  saveRelationship: db.prepare<RelationshipRow>(
    `INSERT INTO gdap_relationships (customer_id, relationship_id, display_name, template_name, role_definition_ids,
       duration, auto_extend, graph_status, created_at, activated_at, ends_at, checked_at, security_group_id,
       security_group_name, access_assignments)
     VALUES (@customer_id, @relationship_id, @display_name, @template_name, @role_definition_ids, @duration,
       @auto_extend, @graph_status, @created_at, @activated_at, @ends_at, @checked_at, @security_group_id,
       @security_group_name, @access_assignments)
     ON CONFLICT (customer_id) DO UPDATE SET relationship_id = excluded.relationship_id,
       display_name = excluded.display_name, template_name = excluded.template_name,
       role_definition_ids = excluded.role_definition_ids, duration = excluded.duration,
       auto_extend = excluded.auto_extend, graph_status = excluded.graph_status, created_at = excluded.created_at,
       activated_at = excluded.activated_at, ends_at = excluded.ends_at, checked_at = excluded.checked_at,
       security_group_id = excluded.security_group_id, security_group_name = excluded.security_group_name,
       access_assignments = excluded.access_assignments`,
  ),
  followed: db.prepare<[], { customer_id: string }>(
    `SELECT customer_id FROM gdap_relationships
     WHERE graph_status IN ('created', 'approvalPending', 'approved', 'activating')
       OR (graph_status IN ('active', 'expiring') AND security_group_id IS NOT NULL
         AND (json_array_length(access_assignments) = 0 OR EXISTS (
           SELECT 1 FROM json_each(access_assignments) j WHERE json_extract(j.value, '$.status') != 'active')))`,
  ),
}));

function toTemplate(row: TemplateRow): GdapTemplate {
  return gdapTemplateSchema.parse({
    id: row.id,
    name: row.name,
    roleDefinitionIds: idList.parse(JSON.parse(row.role_definition_ids)),
    durationDays: row.duration_days,
    autoExtend: row.auto_extend === 1,
    securityGroup: groupOf(row.security_group_id, row.security_group_name),
    preset: row.preset === 1,
    updatedAt: row.updated_at,
  });
}

export function listTemplates(db: Database): GdapTemplate[] {
  return statements(db).templates.all().map(toTemplate);
}

export function findTemplate(db: Database, id: number): GdapTemplate | null {
  const row = statements(db).template.get({ id });
  return row ? toTemplate(row) : null;
}

function templateParams(input: GdapTemplateInput, at: Date) {
  return {
    name: input.name,
    roles: JSON.stringify([...new Set(input.roleDefinitionIds)]),
    days: input.durationDays,
    autoExtend: input.autoExtend ? 1 : 0,
    at: at.toISOString(),
    groupId: input.securityGroup?.id ?? null,
    groupName: input.securityGroup?.displayName ?? null,
  };
}

export function insertTemplate(db: Database, input: GdapTemplateInput, at: Date): number {
  const row = statements(db).insertTemplate.get(templateParams(input, at));
  if (!row) throw new Error('The template was not saved.');
  return row.id;
}

export function updateTemplate(db: Database, id: number, input: GdapTemplateInput, at: Date): void {
  statements(db).updateTemplate.run({ ...templateParams(input, at), id });
}

export function deleteTemplate(db: Database, id: number): void {
  statements(db).deleteTemplate.run({ id });
}

export function getRelationship(db: Database, customerId: string): GdapRelationship | null {
  const row = statements(db).relationship.get({ customerId });
  if (!row) return null;
  return {
    customerId: row.customer_id,
    relationshipId: row.relationship_id,
    displayName: row.display_name,
    templateName: row.template_name,
    roleDefinitionIds: idList.parse(JSON.parse(row.role_definition_ids)),
    duration: row.duration,
    autoExtend: row.auto_extend === 1,
    graphStatus: row.graph_status,
    status: displayStatus(row.graph_status),
    invitationLink: invitationLink(row.relationship_id),
    createdAt: row.created_at,
    requestExpiresAt: addDays(new Date(row.created_at), requestExpiryDays).toISOString(),
    activatedAt: row.activated_at,
    endsAt: row.ends_at,
    checkedAt: row.checked_at,
    securityGroup: groupOf(row.security_group_id, row.security_group_name),
    accessAssignments: z.array(gdapAccessAssignmentSchema).parse(JSON.parse(row.access_assignments)),
  };
}

export function displayNameTaken(db: Database, name: string, customerId: string): boolean {
  return (statements(db).displayNameTaken.get({ name, customerId })?.n ?? 0) > 0;
}

export function saveRelationship(
  db: Database,
  relationship: Omit<GdapRelationship, 'status' | 'invitationLink' | 'requestExpiresAt'>,
): void {
  statements(db).saveRelationship.run({
    customer_id: relationship.customerId,
    relationship_id: relationship.relationshipId,
    display_name: relationship.displayName,
    template_name: relationship.templateName,
    role_definition_ids: JSON.stringify(relationship.roleDefinitionIds),
    duration: relationship.duration,
    auto_extend: relationship.autoExtend ? 1 : 0,
    graph_status: relationship.graphStatus,
    created_at: relationship.createdAt,
    activated_at: relationship.activatedAt,
    ends_at: relationship.endsAt,
    checked_at: relationship.checkedAt,
    security_group_id: relationship.securityGroup?.id ?? null,
    security_group_name: relationship.securityGroup?.displayName ?? null,
    access_assignments: JSON.stringify(relationship.accessAssignments),
  });
}

// Customers whose request is still on its way to active: what the background check follows.
export function customersAwaitingGdap(db: Database): string[] {
  return statements(db)
    .followed.all()
    .map((row) => row.customer_id);
}
