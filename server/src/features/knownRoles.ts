// `iamSts/knownRoles`: the roles of the workspace's templates and `.tf` files named like the role
// an ARN names, with their MaxSessionDuration, for Assume Role. Read on request (the command is
// rare), from the editor's text of open files and from disk for the others.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { definedRoles, roleNameOfArn } from '../embedded/roles';
import { loadTerraformParser } from '../embedded/terraform/parser';
import type { KnownRole } from '../protocol';
import { knownRolesRequest } from '../protocol';
import { runSafe } from '../runSafe';
import { findWorkspaceFiles } from '../scenarioWorkspace/discovery';
import { filePathOf } from '../fileUri';

const HOST_FILE = /\.(ya?ml|json|template|tf)$/i;
/** Larger files are no template anyone writes by hand; reading them would stall the request. */
const MAX_FILE_SIZE = 1024 * 1024;

export interface KnownRolesDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: { error(message: string): void };
  folders: () => readonly string[];
}

export function registerKnownRoles({ connection, documents, logger, folders }: KnownRolesDeps): void {
  connection.onRequest(knownRolesRequest, (params, token) => runSafe(logger, 'knownRoles', [], token, () => knownRoles(params.roleArn, folders(), documents)));
}

export async function knownRoles(roleArn: string, folders: readonly string[], documents: { all(): TextDocument[] }): Promise<KnownRole[]> {
  const wanted = roleNameOfArn(roleArn)?.toLowerCase();
  if (!wanted) return [];
  await loadTerraformParser();
  const open = new Map(documents.all().map((d) => [filePathOf(d.uri), d]));
  const { files } = await findWorkspaceFiles(folders, (name) => HOST_FILE.test(name));
  const out: KnownRole[] = [];
  for (const file of files) {
    const doc = open.get(file);
    let text = doc?.getText();
    if (text === undefined) {
      try {
        if ((await fs.stat(file)).size > MAX_FILE_SIZE) continue;
        text = await fs.readFile(file, 'utf8');
      } catch {
        continue; // gone or unreadable: nothing to learn from it
      }
    }
    // Role names are unique in an account whatever their case.
    if (!text.toLowerCase().includes(wanted)) continue;
    const roles = definedRoles(text, file);
    if (roles === 'not loaded') continue;
    for (const role of roles) {
      if (role.name.toLowerCase() !== wanted) continue;
      const line = lineOf(text, role.offset);
      const folder = folders.find((f) => !path.relative(f, file).startsWith('..'));
      out.push({
        name: role.name,
        label: `${role.locator} in ${folder ? path.relative(folder, file) : path.basename(file)}`,
        uri: URI.file(file).toString(),
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        maxSessionDuration: role.maxSessionDuration,
        maxSessionDurationSet: role.maxSessionDurationSet,
      });
    }
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

