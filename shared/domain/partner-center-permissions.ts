// What the Entra app registration AuthDesk signs in with needs: the delegated permissions (the scopes MSAL asks
// for at sign-in) and the redirect URI of its loopback sign-in. One list, read by the sign-in (main) and by
// the connection guide in Settings (renderer), so the guide names exactly what AuthDesk requests.

// MSAL Node's interactive sign-in listens on 127.0.0.1 and redirects to http://localhost (any port).
export const signInRedirectUri = 'http://localhost';

export const partnerCenterScope = 'https://api.partnercenter.microsoft.com/user_impersonation';
// GDAP goes through Microsoft Graph: its own token, consented to at the same sign-in.
export const graphDelegatedAdminScope = 'https://graph.microsoft.com/DelegatedAdminRelationship.ReadWrite.All';
// The partner tenant's security groups, for GDAP access assignments.
export const graphGroupReadScope = 'https://graph.microsoft.com/Group.Read.All';

export const requiredPermissionIds = ['partner-center', 'gdap', 'groups'] as const;
export type RequiredPermissionId = (typeof requiredPermissionIds)[number];

// Each permission as the Entra admin center's API permissions page names it: the API, and the permission.
export const requiredPermissions: readonly {
  id: RequiredPermissionId;
  api: string;
  permission: string;
  scope: string;
}[] = [
  {
    id: 'partner-center',
    api: 'Microsoft Partner Center',
    permission: 'user_impersonation',
    scope: partnerCenterScope,
  },
  {
    id: 'gdap',
    api: 'Microsoft Graph',
    permission: 'DelegatedAdminRelationship.ReadWrite.All',
    scope: graphDelegatedAdminScope,
  },
  { id: 'groups', api: 'Microsoft Graph', permission: 'Group.Read.All', scope: graphGroupReadScope },
];
