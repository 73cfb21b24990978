// What a quick fix for a finding should do, carried in a finding's `data`. The linter writes it
// and the quick fixes (explain/quickFixes) read it, so it lives below both of them.

/** What a quick fix should do; carried in `Finding.data`. */
export type FixData =
  | { fix: 'addVersion' }
  /** Replace the finding's string with `suggestion` (an action, or a principal the author plainly meant). */
  | { fix: 'replaceAction'; suggestion: string }
  | { fix: 'replaceService'; suggestion: string }
  | { fix: 'addExternalId'; statementIndex: number; account: string; also: FixData[] }
  | { fix: 'markOwnAccount'; account: string }
  | { fix: 'addMfa'; statementIndex: number }
  | { fix: 'addGithubSub'; statementIndex: number; providerHost: string }
  | { fix: 'addOidcAudience'; statementIndex: number; providerHost: string }
  | { fix: 'addSamlAudience'; statementIndex: number }
  | { fix: 'addPrincipalOrgId'; statementIndex: number }
  | { fix: 'removeElement' }
  | { fix: 'replaceWithNullFalse'; key: string };
