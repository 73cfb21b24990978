// The server's view of the `iamSts.*` settings, with defaults for clients that send none.
// Workspace settings are workspace content, so every value is checked against the schema that
// package.json contributes (the one VS Code shows) and an invalid entry is dropped with a logged
// message: a kind of `__proto__` or a severity of `bogus` must not reach the linter. Objects
// keyed by user text have no prototype, so a key such as `constructor` finds nothing inherited.
import packageJson from '../../package.json';
import { readCriticalAccess, type AccessToCheck } from './features/accessChecks';
import type { SeverityOverride } from './features/diagnostics';
import { DEFAULT_MAX_FILE_SIZE } from './analysis/problem';
import type { DocumentKind } from './policy/model';

export interface ServerSettings {
  maxFileSize: number;
  ownAccounts: string[];
  /** glob → kind, first match wins. */
  documentKinds: Record<string, DocumentKind>;
  /** Diagnostic code → severity override or 'off'. */
  diagnostics: Record<string, SeverityOverride>;
  /** iamSts.criticalAccess: access no policy may grant, checked as you type. */
  criticalAccess: AccessToCheck[];
}

export const defaultSettings: ServerSettings = {
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  ownAccounts: [],
  documentKinds: Object.create(null),
  diagnostics: Object.create(null),
  criticalAccess: [],
};

/** The part of JSON Schema that package.json's settings use. */
export interface SettingSchema {
  type?: string;
  enum?: readonly unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: SettingSchema;
  additionalProperties?: SettingSchema;
}

const SCHEMAS = packageJson.contributes.configuration.properties as unknown as Readonly<Record<string, SettingSchema>>;

export function settingSchema(name: string): SettingSchema {
  const schema = Object.hasOwn(SCHEMAS, `iamSts.${name}`) ? SCHEMAS[`iamSts.${name}`] : undefined;
  if (!schema) throw new Error(`iamSts.${name} is not a contributed setting`);
  return schema;
}

/** Why `value` does not follow `schema` (scalars only), or undefined when it does. */
export function schemaViolation(value: unknown, schema: SettingSchema): string | undefined {
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === 'integer' && Number.isInteger(value))) return `${describe(value)} is not a ${schema.type}`;
  if (schema.enum && !schema.enum.includes(value)) return `${describe(value)} is not one of ${schema.enum.join(', ')}`;
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return `${describe(value)} does not match ${schema.pattern}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${value} is not a finite number`;
    if (schema.minimum !== undefined && value < schema.minimum) return `${value} is below ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${value} is above ${schema.maximum}`;
  }
  return undefined;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function readSettings(raw: unknown, log: (message: string) => void = () => undefined): ServerSettings {
  const s: Record<string, unknown> = isRecord(raw) ? raw : {};
  const drop = (name: string, why: string) => log(`Ignoring the setting iamSts.${name}: ${why}.`);
  return {
    maxFileSize: scalar(s, 'maxFileSize', DEFAULT_MAX_FILE_SIZE, drop),
    ownAccounts: list<string>(s, 'ownAccounts', drop),
    documentKinds: record<DocumentKind>(s, 'documentKinds', drop),
    diagnostics: record<SeverityOverride>(s, 'diagnostics', drop),
    criticalAccess: readCriticalAccess(s.criticalAccess),
  };
}

type Drop = (name: string, why: string) => void;

function scalar<T>(s: Record<string, unknown>, name: string, fallback: T, drop: Drop): T {
  if (!Object.hasOwn(s, name) || s[name] === undefined || s[name] === null) return fallback;
  const why = schemaViolation(s[name], settingSchema(name));
  if (why) {
    drop(name, why);
    return fallback;
  }
  return s[name] as T;
}

function list<T>(s: Record<string, unknown>, name: string, drop: Drop): T[] {
  const value = Object.hasOwn(s, name) ? s[name] : undefined;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    drop(name, `${describe(value)} is not a list`);
    return [];
  }
  const items = settingSchema(name).items ?? {};
  return value.filter((item, i) => {
    const why = schemaViolation(item, items);
    if (why) drop(`${name}[${i}]`, why);
    return !why;
  }) as T[];
}

function record<T>(s: Record<string, unknown>, name: string, drop: Drop): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  const value = Object.hasOwn(s, name) ? s[name] : undefined;
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    drop(name, `${describe(value)} is not an object`);
    return out;
  }
  const values = settingSchema(name).additionalProperties ?? {};
  for (const [key, v] of Object.entries(value)) {
    const why = schemaViolation(v, values);
    if (why) drop(`${name}[${JSON.stringify(key)}]`, why);
    else out[key] = v as T;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
