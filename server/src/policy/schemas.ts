// The JSON Schemas of every document kind, bundled into the server and the CLI so neither
// needs the `schemas/` folder at run time (the VSIX still ships it for other tools).
import type { DocumentKind } from './model';
import common from '../../../schemas/policy-common.schema.json';
import identity from '../../../schemas/identity.schema.json';
import resource from '../../../schemas/resource.schema.json';
import trust from '../../../schemas/trust.schema.json';
import session from '../../../schemas/session.schema.json';
import boundary from '../../../schemas/boundary.schema.json';
import scp from '../../../schemas/scp.schema.json';
import rcp from '../../../schemas/rcp.schema.json';

export const SCHEMA_BASE = 'https://iam-sts-studio.invalid/schemas/';

export const kindSchemas: Record<DocumentKind, object> = { identity, resource, trust, session, boundary, scp, rcp };

export function schemaUri(kind: DocumentKind): string {
  return `${SCHEMA_BASE}${kind}.schema.json`;
}

/** Every schema by its `$id`, for the JSON language service's `configure({ schemas })`. */
export function allSchemas(): Array<{ uri: string; schema: object }> {
  return [
    { uri: `${SCHEMA_BASE}policy-common.schema.json`, schema: common },
    ...Object.entries(kindSchemas).map(([kind, schema]) => ({ uri: schemaUri(kind as DocumentKind), schema })),
  ];
}
