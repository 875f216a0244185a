// Every command of the `authdesk` command line. To add one, write main/cli/commands/<name>.ts exporting a
// CliCommand and list it here; help and argument parsing come from the table.
import type { CliCommand } from './cli-command';
import { customersAddCommand } from './commands/customers-add';
import { customersExportCommand } from './commands/customers-export';
import { customersImportCommand } from './commands/customers-import';
import { customersListCommand } from './commands/customers-list';
import { linkCommand } from './commands/link';
import { profileSetCommand, profileShowCommand } from './commands/profile';
import { reportCommand } from './commands/report';
import { signInCommand, signOutCommand, whoamiCommand } from './commands/sign-in';
import { verifyCommand } from './commands/verify';
import {
  syncCommand,
  teamCreateCommand,
  teamJoinCommand,
  teamLeaveCommand,
  teamSqlCommand,
  teamStatusCommand,
} from './commands/team';

export const commandTable: readonly CliCommand[] = [
  customersListCommand,
  customersAddCommand,
  customersImportCommand,
  customersExportCommand,
  linkCommand,
  verifyCommand,
  reportCommand,
  profileShowCommand,
  profileSetCommand,
  teamCreateCommand,
  teamJoinCommand,
  teamStatusCommand,
  teamLeaveCommand,
  teamSqlCommand,
  syncCommand,
  signInCommand,
  signOutCommand,
  whoamiCommand,
];
