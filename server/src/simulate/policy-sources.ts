// The `policies` object of a scenario (or of one test's override): each entry is a path
// relative to the scenario file or an inline policy object. Files are read through the
// injected reader, once per load.
import * as path from 'node:path';
import type { Node } from 'jsonc-parser';
import { rangeOf } from '../policy/model';
import { buildPolicyModel, isPolicyNode, MAX_NESTING, parsePolicyText, propertyName } from '../policy/parse';
import { isRefusal, type ReadResult } from './read-policy-file';
import { policyByLocator, splitLocator } from '../embedded/byLocator';
import type { PolicySource, ReadPolicyFile, ScenarioError, ScenarioPolicies } from './scenario-types';

export type PolicyKey = keyof ScenarioPolicies;

/** Keys a `policies` object sets; null clears a key inherited from the scenario. */
export type PolicyOverrides = { [K in PolicyKey]?: ScenarioPolicies[K] | null };

/** Keys of the `policies` object; `trust` is another name for `resource`. */
const SINGLE_KEYS = ['resource', 'boundary', 'session'] as const;
const LEVEL_KEYS = ['scp', 'rcp'] as const;

/**
 * Scenarios re-run on every edit of any file they name, but usually only one file changed: the
 * others keep their text, so they keep their parsed model, and with it the engine's compiled
 * matchers (cached per model object). Bounded, since texts come and go as the user types.
 */
const parsedByText = new Map<string, ReturnType<typeof parsePolicyText>>();
const PARSED_TEXTS_KEPT = 256;

function parsedOnce(text: string): ReturnType<typeof parsePolicyText> {
  let parsed = parsedByText.get(text);
  if (!parsed) {
    if (parsedByText.size >= PARSED_TEXTS_KEPT) parsedByText.delete(parsedByText.keys().next().value!);
    parsed = parsePolicyText(text);
    parsedByText.set(text, parsed);
  }
  return parsed;
}

interface ReadEntry {
  text: string | undefined;
  parsed?: ReturnType<typeof parsePolicyText>;
  refused?: string;
}

export class PolicySourceReader {
  private readonly cache = new Map<string, ReadEntry>();
  readonly referencedFiles = new Set<string>();

  constructor(
    private readonly scenarioFile: string,
    private readonly readFile: ReadPolicyFile,
  ) {}

  /** One policy entry: a path string or an inline object. */
  source(node: Node, label: string): PolicySource {
    const referenceRange = rangeOf(node);
    if (node.type === 'object') {
      const tooDeep = deeperThan(node, MAX_NESTING);
      const errors = tooDeep
        ? [this.error(`The inline ${label} nests deeper than ${MAX_NESTING} levels; no IAM policy element nests that deep.`, tooDeep)]
        : isPolicyNode(node)
          ? []
          : [this.error(`The inline ${label} needs a "Statement".`, node)];
      return { label: `inline ${label}`, file: this.scenarioFile, inline: true, referenceRange, model: errors.length ? undefined : buildPolicyModel(node), errors };
    }
    if (node.type !== 'string' || !(node.value as string).trim()) {
      return { label, file: this.scenarioFile, inline: true, referenceRange, model: undefined, errors: [this.error(`A ${label} is a path to a policy file or an inline policy object.`, node)] };
    }
    const written = node.value as string;
    // `./template.yaml#Role.AssumeRolePolicyDocument`: a policy inside a template or a .tf file.
    const { file: relative, locator } = splitLocator(written);
    const file = path.resolve(path.dirname(this.scenarioFile), relative);
    this.referencedFiles.add(file);
    const entry = this.read(file);
    const base = { label: written, file, inline: false, referenceRange };
    if (entry.text === undefined) {
      const why = entry.refused ?? 'no such file';
      return { ...base, model: undefined, errors: [this.error(`Cannot read the ${label} file ${written} (${file}): ${why}.`, node)] };
    }
    if (locator !== undefined) {
      const found = policyByLocator(entry.text, file, locator);
      return 'error' in found ? { ...base, model: undefined, errors: [this.error(`The ${label} ${written}: ${found.error}.`, node)] } : { ...base, model: found.model, errors: [] };
    }
    const parsed = entry.parsed!;
    const errors: ScenarioError[] = parsed.syntaxErrors.map((e) => ({ message: e.message, file, range: e.range }));
    if (errors.length > 0) {
      errors.unshift(this.error(`The ${label} file ${written} is not valid JSON (${parsed.syntaxErrors[0].message}).`, node));
      return { ...base, model: undefined, errors };
    }
    if (!parsed.model) return { ...base, model: undefined, errors: [this.error(`The ${label} file ${written} is not an IAM policy: it has no "Statement".`, node)] };
    return { ...base, model: parsed.model, errors: [] };
  }

  /** The `policies` object: every key it sets, and null for keys it clears. */
  policies(node: Node, errors: ScenarioError[]): PolicyOverrides {
    const out: PolicyOverrides = {};
    if (node.type !== 'object') {
      errors.push(this.error('"policies" must be an object.', node));
      return out;
    }
    for (const prop of node.children ?? []) {
      const name = propertyName(prop);
      const value = prop.children?.[1];
      if (!name || !value) continue;
      const key: string = name === 'trust' ? 'resource' : name;
      if (key === 'resource' && out.resource !== undefined) {
        errors.push(this.error('Give either "resource" or "trust", not both: a role\'s trust policy is its resource policy.', prop.children![0]));
        continue;
      }
      if (value.type === 'null') {
        if (isPolicyKey(key)) out[key] = null;
        continue;
      }
      if (key === 'identity') {
        const items = value.type === 'array' ? value.children ?? [] : [value];
        out.identity = items.map((n, i) => this.source(n, items.length > 1 ? `identity policy ${i + 1}` : 'identity policy'));
      } else if ((SINGLE_KEYS as readonly string[]).includes(key)) {
        const label = name === 'trust' ? 'trust policy' : key === 'resource' ? 'resource policy' : key === 'boundary' ? 'permissions boundary' : 'session policy';
        out[key as (typeof SINGLE_KEYS)[number]] = this.source(value, label);
      } else if ((LEVEL_KEYS as readonly string[]).includes(key)) {
        out[key as (typeof LEVEL_KEYS)[number]] = this.levels(value, key.toUpperCase(), errors);
      } else {
        errors.push(this.error(`Unknown policy kind "${name}": use identity, resource (or trust), boundary, session, scp or rcp.`, prop.children![0]));
      }
    }
    return out;
  }

  private levels(node: Node, kind: string, errors: ScenarioError[]): PolicySource[][] {
    if (node.type !== 'array') {
      errors.push(this.error(`"${kind.toLowerCase()}" holds one list of policies per organisation level, root first: [["root.json"], ["ou.json"]].`, node));
      return [];
    }
    return (node.children ?? []).map((level, li) => {
      if (level.type !== 'array') {
        errors.push(this.error(`Organisation level ${li + 1} of "${kind.toLowerCase()}" must be a list of policies.`, level));
        return [];
      }
      return (level.children ?? []).map((n, i) => this.source(n, `${kind} ${i + 1} at level ${li + 1}`));
    });
  }

  private read(file: string): ReadEntry {
    let entry = this.cache.get(file);
    if (!entry) {
      let result: ReadResult;
      try {
        result = this.readFile(file);
      } catch (e) {
        result = { refused: e instanceof Error ? e.message : String(e) };
      }
      entry = typeof result === 'string' ? { text: result, parsed: parsedOnce(result) } : { text: undefined, refused: isRefusal(result) ? result.refused : undefined };
      this.cache.set(file, entry);
    }
    return entry;
  }

  error(message: string, node: Node): ScenarioError {
    return { message, file: this.scenarioFile, range: rangeOf(node) };
  }
}

/** The first node deeper than `max` levels below and including `root` (as the policy parser counts objects and arrays), walked without recursion. */
function deeperThan(root: Node, max: number): Node | undefined {
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > max) return node;
    for (const c of node.children ?? []) {
      // A property is not a level; its value is on the level of the object holding it.
      const nested = c.type === 'property' ? c.children?.[1] : c;
      if (nested && (nested.type === 'object' || nested.type === 'array')) stack.push({ node: nested, depth: depth + 1 });
    }
  }
  return undefined;
}

function isPolicyKey(key: string): key is PolicyKey {
  return key === 'identity' || key === 'resource' || key === 'boundary' || key === 'session' || key === 'scp' || key === 'rcp';
}

/** Overrides replace whole keys; `null` clears a key (e.g. `"scp": null` for no organisation). */
export function mergePolicies(base: ScenarioPolicies, override: PolicyOverrides): ScenarioPolicies {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged as ScenarioPolicies;
}

export function policySourceErrors(policies: ScenarioPolicies): ScenarioError[] {
  const all: PolicySource[] = [
    ...(policies.identity ?? []),
    ...(policies.resource ? [policies.resource] : []),
    ...(policies.boundary ? [policies.boundary] : []),
    ...(policies.session ? [policies.session] : []),
    ...(policies.scp ?? []).flat(),
    ...(policies.rcp ?? []).flat(),
  ];
  return all.flatMap((s) => s.errors);
}
