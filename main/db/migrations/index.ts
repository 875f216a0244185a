// The ordered list of schema migrations. Each file is imported as a string (Vite's ?raw) so the bundled main
// process carries its schema with it. Add a migration by adding NNN-name.sql and one line here.
import initial from './001-initial.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: '001-initial', sql: initial }];
