// Groups of document kinds that rules share.
import type { DocumentKind } from '../../policy/model';

/** Policies attached to an identity or a session: they never name a principal. */
export const PRINCIPAL_LESS_KINDS: readonly DocumentKind[] = ['identity', 'session', 'boundary'];
/** Policies that must name a principal. */
export const PRINCIPAL_KINDS: readonly DocumentKind[] = ['resource', 'trust', 'rcp'];
/** Policies IAM or Organizations store and validate strictly (unique, alphanumeric Sids). */
export const STRICT_SID_KINDS: readonly DocumentKind[] = ['identity', 'boundary', 'trust', 'scp', 'rcp'];
/** Policies that grant permissions to the identity they are attached to. */
export const GRANTING_IDENTITY_KINDS: readonly DocumentKind[] = ['identity', 'boundary', 'session'];
