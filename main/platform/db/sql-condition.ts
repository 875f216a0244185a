// A condition one module's SQL hands another to put in its WHERE clause: SQL text built only from fixed,
// whitelisted pieces, over the tables' agreed aliases, and every value a user gave as a named parameter.
export interface SqlCondition {
  sql: string;
  params: Record<string, string | number>;
}
