// Lets TypeScript accept Vite's `?raw` imports of the migration files: the bundler inlines them as strings,
// so the built main process needs no .sql files on disk.
declare module '*.sql?raw' {
  const sql: string;
  export default sql;
}
