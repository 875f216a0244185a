// GDAP per customer and the role templates: request a relationship through Graph (created, then locked for
// approval), hand out its invitation link, follow its status, and, in the sandbox, play the customer.
import { AppError } from '../../../shared/ipc/ipc-error';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import {
  gdapStatusLabels,
  gdapTemplateInputSchema,
  isoDuration,
  displayStatus,
  type GdapRelationship,
  type GdapSecurityGroup,
  type GdapTemplate,
  type GdapTemplateInput,
} from '../../../shared/domain/gdap';
import type { Customer } from '../../../shared/domain/customer';
import type { GraphClient } from '../../microsoft/graph/graph-client';
import { GraphError } from '../../microsoft/graph/graph-error';
import { maxDisplayNameLength } from '../../../shared/domain/gdap-graph-limits';
import type { DelegatedAdminRelationship } from '../../microsoft/graph/graph-types';
import { customerDetail, recordChange, requireCustomer, requireEditable } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';
import * as repository from './gdap-repository';
import { followAccessAssignments } from './gdap-access-assignments';
import type { CheckLeases } from '../verification/team-check-leases';
import { SandboxControlError, type SandboxControlClient } from '../../../sandbox/index';

export interface GdapView {
  relationship: GdapRelationship | null;
  detail: CustomerDetail;
}

export interface GdapService {
  listTemplates(): GdapTemplate[];
  saveTemplate(id: number | null, input: GdapTemplateInput): GdapTemplate[];
  deleteTemplate(id: number): GdapTemplate[];
  securityGroups(): Promise<GdapSecurityGroup[]>;
  get(customerId: string): GdapRelationship | null;
  request(customerId: string, templateId: number): Promise<GdapView>;
  refresh(customerId: string): Promise<GdapView>;
  // Before a verification: refresh a relationship still on its way (or active) from Graph; never fails it.
  follow(customerId: string): Promise<void>;
  // The background's turn: refreshes every relationship still awaiting approval; how many were looked at.
  followAwaiting(): Promise<number>;
  recordLinkCopied(customerId: string): GdapView;
  sandboxSetStatus(customerId: string, status: 'approve' | 'expiring' | 'expired' | 'terminated'): Promise<GdapView>;
}

// The unique display name Graph needs (at most 50 characters), from the company name; a number is added
// when it is taken.
export function gdapDisplayName(companyName: string, attempt: number): string {
  const suffix = attempt === 0 ? ' GDAP' : ` GDAP ${attempt + 1}`;
  const base = companyName
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxDisplayNameLength - suffix.length)
    .trim();
  return `${base}${suffix}`;
}

// Graph errors become the app's errors with Graph's readable message; offline stays offline.
async function callGraph<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GraphError) {
      const offline = error.kind === 'network' || error.kind === 'timeout';
      throw new AppError(offline ? 'offline' : 'partner-center', error.message);
    }
    throw error;
  }
}

const gdapFollowResource = (customerId: string) => `gdap-follow:${customerId}`;
// A relationship the team followed this recently is not read again by another desktop's turn (a turn is every
// 15 minutes; a little less, so the next turn of whichever desktop finds it due).
const teamFollowFreshMs = 14 * 60_000;
const followLeaseMs = 2 * 60_000;

export function createGdapService(
  context: ServiceContext,
  graph: () => Promise<GraphClient>,
  // The simulator's controls while in sandbox mode, null otherwise.
  sandboxControl: () => SandboxControlClient | null,
  // In a team: each relationship's follow-up is leased, so the team reads it from Graph once per interval.
  leases?: CheckLeases,
): GdapService {
  const { db } = context;

  function view(customerId: string, detail?: CustomerDetail): GdapView {
    return {
      relationship: repository.getRelationship(db, customerId),
      detail: detail ?? customerDetail(context, customerId),
    };
  }

  // Stores what Graph says; a changed status goes on the customer's timeline.
  function store(
    customer: Customer,
    read: DelegatedAdminRelationship,
    previous: GdapRelationship | null,
    templateName: string,
    securityGroup: GdapSecurityGroup | null,
  ): CustomerDetail | null {
    repository.saveRelationship(db, {
      customerId: customer.id,
      relationshipId: read.id,
      displayName: read.displayName,
      templateName,
      roleDefinitionIds: read.accessDetails.unifiedRoles.map((role) => role.roleDefinitionId),
      duration: read.duration,
      autoExtend: read.autoExtendDuration === 'P180D',
      graphStatus: read.status,
      createdAt: read.createdDateTime ?? previous?.createdAt ?? context.now().toISOString(),
      activatedAt: read.activatedDateTime ?? null,
      endsAt: read.endDateTime ?? null,
      checkedAt: context.now().toISOString(),
      securityGroup,
      accessAssignments: previous?.accessAssignments ?? [],
    });
    const status = displayStatus(read.status);
    if (previous === null || previous.status === status) return null;
    return recordChange(context, null, customer.id, {
      type: 'gdap-status-changed',
      summary: `GDAP relationship ${gdapStatusLabels[status].toLowerCase()}`,
      data: { relationshipId: read.id, from: previous.graphStatus, to: read.status, endsAt: read.endDateTime ?? null },
    });
  }

  async function refresh(customerId: string): Promise<GdapView> {
    const customer = requireCustomer(context, customerId);
    const previous = repository.getRelationship(db, customerId);
    if (!previous) throw new AppError('conflict', 'No GDAP relationship has been requested for this customer yet.');
    const client = await callGraph(graph);
    const read = await callGraph(() => client.getRelationship(previous.relationshipId));
    const changed = store(customer, read, previous, previous.templateName, previous.securityGroup);
    // Active: the template's security group gets its roles (and is followed until Microsoft has set them up).
    const access = await callGraph(() => followAccessAssignments(context, client, customerId));
    return view(customerId, access ?? changed ?? undefined);
  }

  return {
    listTemplates: () => repository.listTemplates(db),
    saveTemplate(id, input) {
      const parsed = gdapTemplateInputSchema.parse(input);
      const clash = repository
        .listTemplates(db)
        .find((t) => t.name.toLowerCase() === parsed.name.toLowerCase() && t.id !== id);
      if (clash) throw new AppError('conflict', `A template named "${parsed.name}" already exists.`);
      if (id === null) repository.insertTemplate(db, parsed, context.now());
      else {
        if (!repository.findTemplate(db, id)) throw new AppError('not-found', 'That template no longer exists.');
        repository.updateTemplate(db, id, parsed, context.now());
      }
      return repository.listTemplates(db);
    },
    deleteTemplate(id) {
      repository.deleteTemplate(db, id);
      return repository.listTemplates(db);
    },
    securityGroups: () => callGraph(async () => (await graph()).listSecurityGroups()),
    get: (customerId) => repository.getRelationship(db, customerId),

    async request(customerId, templateId) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      const template = repository.findTemplate(db, templateId);
      if (!template) throw new AppError('not-found', 'Choose a GDAP role template (the chosen one no longer exists).');
      const previous = repository.getRelationship(db, customerId);
      if (previous && ['created', 'approvalPending', 'active', 'expiring'].includes(previous.status)) {
        throw new AppError('conflict', 'This customer already has a GDAP relationship in progress or active.');
      }
      const tenantId = customer.lastVerification?.customerTenantId ?? null;
      const client = await graph();
      let created: DelegatedAdminRelationship | null = null;
      // A name taken here or by another of the partner's relationships in Graph (409) gets the next number.
      for (let attempt = 0; created === null; attempt += 1) {
        const displayName = gdapDisplayName(customer.companyName, attempt);
        if (repository.displayNameTaken(db, displayName, customerId) && attempt < 20) continue;
        try {
          created = await callGraphKeepingConflict(() =>
            client.createRelationship({
              displayName,
              duration: isoDuration(template.durationDays),
              roleDefinitionIds: template.roleDefinitionIds,
              autoExtendDuration: template.autoExtend ? 'P180D' : 'PT0S',
              ...(tenantId ? { customer: { tenantId, displayName: customer.companyName } } : {}),
            }),
          );
        } catch (error) {
          if (error instanceof GraphError && error.isConflict && attempt < 20) continue;
          throw error;
        }
      }
      const relationship = created;
      await callGraph(() => client.lockForApproval(relationship.id));
      const locked = await callGraph(() => client.getRelationship(relationship.id));
      store(customer, locked, null, template.name, template.securityGroup);
      const detail = recordChange(context, null, customerId, {
        type: 'gdap-requested',
        summary: `GDAP requested: "${locked.displayName}" (${template.name}, ${template.durationDays} days), awaiting customer approval`,
        data: {
          relationshipId: locked.id,
          displayName: locked.displayName,
          template: template.name,
          roleDefinitionIds: template.roleDefinitionIds,
          duration: locked.duration,
          customerTenantId: tenantId,
        },
      });
      return view(customerId, detail);
    },

    refresh,

    async followAwaiting() {
      let customerIds = repository.customersAwaitingGdap(db);
      const team = leases?.inTeam() && customerIds.length > 0 ? leases : null;
      if (team) {
        try {
          const grant = await team.take(
            customerIds.map((customerId) => ({
              resource: gdapFollowResource(customerId),
              freshForMs: teamFollowFreshMs,
            })),
            { leaseMs: followLeaseMs, limit: customerIds.length },
          );
          customerIds = grant.taken.map((resource) => resource.slice(gdapFollowResource('').length));
        } catch {
          // Cut off from the team database: another desktop may be following them; the next turn tries again.
          return 0;
        }
      }
      let offline = false;
      for (const customerId of customerIds) {
        let followed = false;
        if (!offline) {
          try {
            await refresh(customerId);
            followed = true;
          } catch (error) {
            // Offline: stop for now and try again on the next turn; any other refusal waits for the next turn too.
            if (error instanceof AppError && error.code === 'offline') offline = true;
          }
        }
        if (team) await team.release(gdapFollowResource(customerId), followed).catch(() => undefined);
      }
      return customerIds.length;
    },

    async follow(customerId) {
      const relationship = repository.getRelationship(db, customerId);
      if (!relationship || relationship.status === 'expired' || relationship.status === 'terminated') return;
      try {
        await refresh(customerId);
      } catch {
        // Graph unreachable or refusing: the verification goes on with the status last read.
      }
    },

    recordLinkCopied(customerId) {
      const relationship = repository.getRelationship(db, customerId);
      if (!relationship) throw new AppError('conflict', 'Request GDAP for this customer first.');
      const detail = recordChange(context, null, customerId, {
        type: 'gdap-link-copied',
        summary: 'GDAP invitation link copied',
        data: { relationshipId: relationship.relationshipId, link: relationship.invitationLink },
      });
      return view(customerId, detail);
    },

    async sandboxSetStatus(customerId, status) {
      const control = sandboxControl();
      if (control === null) throw new AppError('conflict', 'Acting as the customer exists only in sandbox mode.');
      const relationship = repository.getRelationship(db, customerId);
      if (!relationship) throw new AppError('conflict', 'Request GDAP for this customer first.');
      try {
        if (status === 'approve') await control.gdapApprove(relationship.relationshipId);
        else await control.gdapSetStatus(relationship.relationshipId, status);
      } catch (error) {
        if (error instanceof SandboxControlError) {
          throw new AppError('conflict', `The sandbox refused: ${error.reason.slice(0, 200)}`);
        }
        // fetch rejects with a TypeError when the simulator cannot be reached.
        if (error instanceof TypeError) throw new AppError('offline', 'The sandbox simulator could not be reached.');
        throw error;
      }
      return refresh(customerId);
    },
  };
}

// Like callGraph, but a 409 stays a GraphError so the caller can try the next display name.
async function callGraphKeepingConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GraphError && error.isConflict) throw error;
    return callGraph(() => Promise.reject(error));
  }
}
